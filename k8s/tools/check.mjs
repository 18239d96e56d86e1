// Usage: kubectl kustomize k8s/overlays/<name> | node k8s/tools/check.mjs
// Validates every built-in resource against its Kubernetes API schema (custom resources such as
// Strimzi's are skipped). The project's own rules for containers are checked by
// system-tests' KubernetesManifestsTest.
import { parseAllDocuments } from "yaml";

const input = await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
});

const problems = [];
let checked = 0;
for (const doc of parseAllDocuments(input)) {
  const resource = doc.toJSON();
  if (!resource) continue;
  const [group, version] = resource.apiVersion.includes("/") ? resource.apiVersion.split("/") : ["", resource.apiVersion];
  let Model;
  try {
    const path = group === "" ? `kubernetes-models/${version}` : `kubernetes-models/${group}/${version}`;
    Model = (await import(path))[resource.kind];
  } catch {
    Model = undefined;
  }
  const name = `${resource.kind}/${resource.metadata?.name}`;
  if (!Model) {
    console.log(`skipped (no schema): ${name}`);
    continue;
  }
  try {
    new Model(resource).validate();
    checked++;
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`${checked} resources valid`);
