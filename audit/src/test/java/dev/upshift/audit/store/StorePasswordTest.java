package dev.upshift.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class StorePasswordTest {

    @TempDir
    Path directory;

    @Test
    void givenAnOwnerOnlyFileAndTheVariableWhenReadThenTheFileWinsWithoutItsNewline() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(StorePassword.FILE, ownerOnly("from-file\n").toString())
                .withProperty(StorePassword.VARIABLE, "from-variable");

        assertThat(StorePassword.of(environment)).contains("from-file");
    }

    @Test
    void givenOnlyTheVariableWhenReadThenItIsThePassword() {
        assertThat(StorePassword.of(new MockEnvironment().withProperty(StorePassword.VARIABLE, "from-variable")))
                .contains("from-variable");
    }

    @Test
    void givenAFileOfTwoLinesWhenReadThenItIsRefused() throws Exception {
        Path file = ownerOnly("one\ntwo\n");

        assertThatThrownBy(() -> StorePassword.of(new MockEnvironment().withProperty(StorePassword.FILE, file.toString())))
                .isInstanceOf(InvalidStoreSetting.class)
                .hasMessage("the store's password file " + file + " must hold the password on one line");
    }

    @Test
    void givenAFileOthersMayWriteWhenReadThenItIsRefusedWithTheCommandThatMendsIt() throws Exception {
        Path file = ownerOnly("pw");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));

        assertThatThrownBy(() -> StorePassword.of(new MockEnvironment().withProperty(StorePassword.FILE, file.toString())))
                .hasMessage("the store's password file " + file + " may be read or changed by others (rw--w----): "
                        + "chmod 600 " + file);
    }

    private Path ownerOnly(String content) throws Exception {
        Path file = Files.writeString(directory.resolve("password"), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
