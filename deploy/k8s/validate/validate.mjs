// Schema check of the Kubernetes manifests (no cluster needed): every document of every file given (default: every
// *.yaml of deploy/k8s) is checked against the Kubernetes API's OpenAPI schema of its apiVersion and kind, as
// kubernetes-models generates them; an unknown kind, a misspelt or misplaced field, a wrong type or a missing
// required field fails. Prints one line per document and exits 1 on the first file with a problem (after listing
// all of them). kustomization.yaml is checked to list every manifest but the secrets template.
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const kinds = {
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/Namespace": "kubernetes-models/v1/Namespace",
  "v1/Secret": "kubernetes-models/v1/Secret",
  "v1/Service": "kubernetes-models/v1/Service",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "apps/v1/StatefulSet": "kubernetes-models/apps/v1/StatefulSet",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1/Ingress",
};

const files = process.argv.length > 2 ? process.argv.slice(2)
  : readdirSync(root).filter((f) => f.endsWith(".yaml")).map((f) => join(root, f));
let failed = 0;
for (const file of files) {
  const name = basename(file);
  if (name === "kustomization.yaml") {
    const listed = parseAllDocuments(readFileSync(file, "utf8"))[0].toJS().resources ?? [];
    const expected = files.map((f) => basename(f))
      .filter((f) => f !== "kustomization.yaml" && f !== "secrets.example.yaml");
    const missing = expected.filter((f) => !listed.includes(f));
    if (missing.length) {
      console.log(`FAIL ${name}: does not list ${missing.join(", ")}`);
      failed++;
    } else {
      console.log(`ok   ${name}: lists ${listed.length} manifests`);
    }
    continue;
  }
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length) {
      console.log(`FAIL ${name}: not YAML: ${doc.errors[0].message}`);
      failed++;
      continue;
    }
    const object = doc.toJS();
    if (object == null) continue;
    const type = `${object.apiVersion}/${object.kind}`;
    const label = `${name}: ${object.kind} ${object.metadata?.name ?? "(no name)"}`;
    const module = kinds[type];
    if (!module) {
      console.log(`FAIL ${label}: no schema for ${type}`);
      failed++;
      continue;
    }
    const Model = Object.values(await import(module))[0];
    try {
      new Model(object).validate();
      console.log(`ok   ${label}`);
    } catch (e) {
      console.log(`FAIL ${label}: ${e.message.split("\n").slice(0, 6).join("; ")}`);
      failed++;
    }
  }
}
console.log(failed ? `${failed} problem(s)` : "every manifest matches the Kubernetes schemas");
process.exit(failed ? 1 : 0);
