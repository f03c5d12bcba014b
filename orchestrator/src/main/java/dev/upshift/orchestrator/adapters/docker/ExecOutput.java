package dev.upshift.orchestrator.adapters.docker;

import java.io.IOException;
import java.io.OutputStream;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

/**
 * Writes the frames of an exec or a log stream to two sinks as they arrive. A frame's payload may be a buffer
 * docker-java reuses for the next frame, so it is written at once, never kept.
 */
final class ExecOutput extends ResultCallback.Adapter<Frame> {

    private final OutputStream stdout;
    private final OutputStream stderr;

    ExecOutput(OutputStream stdout, OutputStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public void onNext(Frame frame) {
        try {
            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).write(frame.getPayload());
        } catch (IOException notWritten) {
            // ends the stream: awaitCompletion() rethrows it
            onError(notWritten);
        }
    }
}
