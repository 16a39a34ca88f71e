// Validates a Forge manifest with the validator `forge lint` uses (@forge/manifest's validate()), offline:
// schema, module and endpoint references, resource paths (relative to the manifest's folder) and scope names.
// Prints one line per problem ("error|warning <line>:<column> <message>") and exits 1 when any is an error.
import manifestPackage from '@forge/manifest';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate-manifest.mjs <path of manifest.yml>');
  process.exit(2);
}

const result = await manifestPackage.validate(false, file);
const problems = result.errors || [];
for (const problem of problems) {
  console.log(`${problem.level || 'error'} ${problem.line ?? 0}:${problem.column ?? 0} ${problem.message}`);
}
const failed = !result.success || problems.some((problem) => (problem.level || 'error') === 'error');
console.log(failed ? `manifest invalid: ${file}` : `manifest valid: ${file}`);
process.exit(failed ? 1 : 0);
