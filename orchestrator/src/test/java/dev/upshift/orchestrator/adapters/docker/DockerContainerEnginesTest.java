package dev.upshift.orchestrator.adapters.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engines by address: real docker-java clients, built once per address on first use; no engine is contacted. */
class DockerContainerEnginesTest {

    private static final String DEFAULT = "unix:///run/upshift-test/docker.sock";

    private final List<String> built = new ArrayList<>();
    private final Function<String, ContainerEngine> counting = address -> {
        built.add(address);
        return new DockerContainerEngine(address);
    };

    @Test
    void givenNoEngineAskedForWhenCreatedThenNoClientIsBuilt() {
        new DockerContainerEngines(DEFAULT, counting);

        assertThat(built).isEmpty();
    }

    @Test
    void givenAnAddressAskedForTwiceWhenAskedThenOneClientServesBoth() {
        DockerContainerEngines engines = new DockerContainerEngines(DEFAULT, counting);

        ContainerEngine first = engines.at("tcp://127.0.0.1:2375");

        assertThat(engines.at(" tcp://127.0.0.1:2375 ")).isSameAs(first);
        assertThat(((DockerContainerEngine) first).host()).isEqualTo("tcp://127.0.0.1:2375");
        assertThat(built).containsExactly("tcp://127.0.0.1:2375");
    }

    @Test
    void givenTwoAddressesWhenAskedThenEachHasAnEngineOfItsOwn() {
        DockerContainerEngines engines = new DockerContainerEngines(DEFAULT, counting);

        ContainerEngine local = engines.at("unix:///var/run/docker.sock");
        ContainerEngine remote = engines.at("tcp://10.0.4.12:2375");

        assertThat(local).isNotSameAs(remote);
        assertThat(((DockerContainerEngine) local).host()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(((DockerContainerEngine) remote).host()).isEqualTo("tcp://10.0.4.12:2375");
    }

    @Test
    void givenNoAddressOrABlankOneWhenAskedThenTheProcessDefaultAnswersAsIfNamed() {
        DockerContainerEngines engines = new DockerContainerEngines(DEFAULT, counting);

        ContainerEngine none = engines.at(null);

        assertThat(engines.at("  ")).isSameAs(none);
        assertThat(engines.at(DEFAULT)).isSameAs(none);
        assertThat(((DockerContainerEngine) none).host()).isEqualTo(DEFAULT);
        assertThat(built).containsExactly(DEFAULT);
    }

    @Test
    void givenNoProcessDefaultWhenAskedForNoAddressThenDockerResolvesItsOwnDefault() {
        DockerContainerEngines engines = new DockerContainerEngines(" ", counting);

        engines.at(null);

        assertThat(built).containsExactly((String) null);
    }

    @Test
    void givenAnSshAddressWhenAskedThenItIsRefusedWithTheSocketToForwardInstead() {
        DockerContainerEngines engines = new DockerContainerEngines(DEFAULT, counting);

        assertThatThrownBy(() -> engines.at("ssh://ops@db-2.example"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("the Docker engine address ssh://ops@db-2.example is SSH, which Upshift's Docker client "
                        + "(docker-java) cannot speak; forward the engine's socket with `ssh -nNT -L "
                        + "/tmp/remote-docker.sock:/var/run/docker.sock user@host` and use --docker-host "
                        + "unix:///tmp/remote-docker.sock");
        assertThat(built).isEmpty();
    }

    @ParameterizedTest(name = "given {0} when asked then it is refused with the forms to write")
    @ValueSource(strings = {"http://127.0.0.1:2375", "npipe:////./pipe/docker_engine", "127.0.0.1:2375",
            "tcp://127.0.0.1", "tcp://:2375", "unix://var/run/docker.sock", "unix://", "tcp://host:2375/path", "a b"})
    void givenAnAddressNoEngineCanBeReachedAtWhenAskedThenItIsRefusedWithTheFormsToWrite(String address) {
        DockerContainerEngines engines = new DockerContainerEngines(DEFAULT, counting);

        assertThatThrownBy(() -> engines.at(address))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("'" + address + "' is not a Docker engine address Upshift can use; write "
                        + "unix:///path/to/docker.sock or tcp://HOST:PORT");
        assertThat(built).isEmpty();
    }

    @Test
    void givenAnUnusableProcessDefaultWhenAPlanNamesItsOwnEngineThenOnlyTheDefaultIsRefused() {
        DockerContainerEngines engines = new DockerContainerEngines("ssh://ops@db-2.example", counting);

        engines.at("unix:///var/run/docker.sock");

        assertThatThrownBy(() -> engines.at(null)).isInstanceOf(InvalidInput.class).hasMessageContaining("is SSH");
        assertThat(built).containsExactly("unix:///var/run/docker.sock");
    }
}
