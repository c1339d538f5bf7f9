package org.singlewindow.federation.resilience;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.singlewindow.central.CentralProperties;
import org.singlewindow.central.intake.ProvinceBrokerUsers;
import org.singlewindow.node.config.QueueNames;
import org.singlewindow.node.transport.BrokerPermissions;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of deploy/k8s: every document matches the Kubernetes API's schemas
 * ({@code deploy/k8s/validate.sh}, which refuses a broken one), and the brokers' {@code broker.xml} parse as
 * Artemis reads them, in a replication pair for central, granting exactly what an embedded broker grants
 * ({@link BrokerPermissions}).
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("../deploy/k8s").toAbsolutePath().normalize();

    @Test
    void every_manifest_should_match_the_kubernetes_schemas() throws Exception {
        Run run = validate();
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("ok   central.yaml: Deployment central",
                "ok   province-310000.yaml: Deployment province-310000", "every manifest matches");
    }

    @Test
    void a_manifest_with_a_wrong_type_or_a_missing_field_should_be_refused(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(K8S.resolve("central.yaml")).replace("replicas: 2", "replicas: two")
                .replace("  selector:\n    matchLabels:\n      app.kubernetes.io/name: central\n  strategy:", "  strategy:"));
        Run run = validate(broken.toString());
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("replicas must be integer", "must have required property selector");
    }

    @Test
    void centrals_broker_pair_should_parse_and_grant_what_an_embedded_central_broker_grants() throws Exception {
        Map<String, Set<Role>> expected = BrokerPermissions.of(List.of(new ProvinceBrokerUsers(new Binder(
                new MapConfigurationPropertySource(Map.of("sw.provinces.310000.broker-password", "x")))
                .bind("sw", CentralProperties.class).get())), new QueueNames());
        Configuration primary = brokerXml("artemis-central.yaml", "artemis-central-primary");
        Configuration backup = brokerXml("artemis-central.yaml", "artemis-central-backup");
        assertThat(primary.getHAPolicyConfiguration()).isInstanceOf(ReplicatedPolicyConfiguration.class);
        assertThat(backup.getHAPolicyConfiguration()).isInstanceOf(ReplicaPolicyConfiguration.class);
        for (Configuration broker : List.of(primary, backup)) {
            assertThat(describe(broker.getSecurityRoles())).isEqualTo(describe(expected));
            assertThat(broker.getAddressSettings().get("#").getMaxDeliveryAttempts()).isEqualTo(-1);
            assertThat(broker.getAddressConfigurations()).extracting(a -> a.getName())
                    .contains("sw.in.provinces", "sw.out.province.310000");
        }
        Configuration shanghai = brokerXml("artemis-310000.yaml", "artemis-310000");
        assertThat(describe(shanghai.getSecurityRoles())).isEqualTo(describe(BrokerPermissions.of(List.of(),
                new QueueNames())));
    }

    /** The broker.xml of a ConfigMap, read by Artemis's own parser (schema-validated), placeholders filled in. */
    @SuppressWarnings("unchecked")
    private static Configuration brokerXml(String file, String configMap) throws Exception {
        System.setProperty("sw.tls.password", "test");
        System.setProperty("sw.cluster.password", "test");
        for (Object document : new Yaml().loadAll(Files.readString(K8S.resolve(file)))) {
            Map<String, Object> object = (Map<String, Object>) document;
            Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
            if ("ConfigMap".equals(object.get("kind")) && configMap.equals(metadata.get("name"))) {
                String xml = ((Map<String, String>) object.get("data")).get("broker.xml");
                return new FileConfigurationParser().parseMainConfig(
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            }
        }
        throw new AssertionError("no ConfigMap " + configMap + " in " + file);
    }

    /** Each match's roles as "role: permissions granted". */
    private static Map<String, Set<String>> describe(Map<String, Set<Role>> roles) {
        Map<String, Set<String>> out = new TreeMap<>();
        roles.forEach((match, set) -> {
            Set<String> described = new TreeSet<>();
            for (Role r : set) {
                List<String> granted = new ArrayList<>();
                if (r.isSend()) granted.add("send");
                if (r.isConsume()) granted.add("consume");
                if (r.isBrowse()) granted.add("browse");
                if (r.isCreateAddress()) granted.add("createAddress");
                if (r.isDeleteAddress()) granted.add("deleteAddress");
                if (r.isCreateDurableQueue()) granted.add("createDurableQueue");
                if (r.isDeleteDurableQueue()) granted.add("deleteDurableQueue");
                if (r.isCreateNonDurableQueue()) granted.add("createNonDurableQueue");
                if (r.isDeleteNonDurableQueue()) granted.add("deleteNonDurableQueue");
                if (r.isManage()) granted.add("manage");
                if (r.isView()) granted.add("view");
                if (r.isEdit()) granted.add("edit");
                described.add(r.getName() + ": " + granted);
            }
            out.put(match, described);
        });
        return out;
    }

    private record Run(int exit, String output) {
    }

    private static Run validate(String... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(K8S.resolve("validate.sh").toString()));
        command.addAll(List.of(files));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
