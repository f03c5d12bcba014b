package dev.upshift.orchestrator.steps.backup;

import dev.upshift.orchestrator.steps.Backups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three online dumps of Phase 1 are one executor with three commands. */
@Configuration
public class BackupSteps {

    @Bean
    public DumpStep customDumpStep(Backups backups) {
        return DumpStep.customFormat(backups);
    }

    @Bean
    public DumpStep sqlDumpStep(Backups backups) {
        return DumpStep.plainSql(backups);
    }

    @Bean
    public DumpStep rolesDumpStep(Backups backups) {
        return DumpStep.roles(backups);
    }
}
