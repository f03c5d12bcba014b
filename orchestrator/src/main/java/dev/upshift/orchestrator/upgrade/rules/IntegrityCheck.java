package dev.upshift.orchestrator.upgrade.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.Baseline;

/**
 * What differs between two states of a database: the schema facts of the Phase 0 baseline (tables,
 * extensions — whose versions may rise —, roles with their attributes, the migration version) and the exact
 * row count of every table as counted at the fence.
 */
final class IntegrityCheck {

    private IntegrityCheck() {
    }

    static List<String> differences(Baseline baseline, List<Baseline.TableRows> fenceCounts, Baseline now) {
        List<String> differences = new ArrayList<>();
        compareNames("table", names(baseline.tables(), IntegrityCheck::tableName), names(now.tables(), IntegrityCheck::tableName), differences);
        compareNames("extension", names(baseline.extensions(), Baseline.ExtensionVersion::name),
                names(now.extensions(), Baseline.ExtensionVersion::name), differences);
        Map<String, List<String>> rolesBefore = roles(baseline);
        Map<String, List<String>> rolesNow = roles(now);
        compareNames("role", rolesBefore.keySet(), rolesNow.keySet(), differences);
        rolesBefore.forEach((role, attributes) -> {
            if (rolesNow.containsKey(role) && !rolesNow.get(role).equals(attributes)) {
                differences.add("role " + role + " has " + rolesNow.get(role) + ", had " + attributes);
            }
        });
        if (!Objects.equals(baseline.migrationVersion(), now.migrationVersion())) {
            differences.add("migration version is " + now.migrationVersion() + ", was " + baseline.migrationVersion());
        }
        Map<String, Long> rowsNow = now.tables().stream()
                .collect(Collectors.toMap(IntegrityCheck::tableName, Baseline.TableRows::rows));
        for (Baseline.TableRows counted : fenceCounts) {
            Long rows = rowsNow.get(tableName(counted));
            if (rows != null && rows != counted.rows()) {
                differences.add("table " + tableName(counted) + " has " + rows + " rows, had " + counted.rows()
                        + " at the fence");
            }
        }
        return differences;
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void compareNames(String what, Set<String> before, Set<String> now, List<String> differences) {
        before.stream().filter(name -> !now.contains(name)).forEach(name -> differences.add(what + " " + name + " is missing"));
        now.stream().filter(name -> !before.contains(name)).forEach(name -> differences.add(what + " " + name + " is new"));
    }

    private static Map<String, List<String>> roles(Baseline baseline) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        baseline.roles().forEach(role -> roles.put(role.name(), role.attributes()));
        return roles;
    }

    private static String tableName(Baseline.TableRows table) {
        return table.schema() + "." + table.name();
    }
}
