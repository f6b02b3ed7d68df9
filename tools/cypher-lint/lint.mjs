// Reads {"name": "cypher text", ...} as JSON on stdin and prints
// {"name": [diagnostics of severity Error]} as JSON: Neo4j's own parser
// (@neo4j-cypher/language-support) checking each text as CYPHER 5; undeclared $parameters are not errors.
import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const queries = JSON.parse(input);
const out = {};
for (const [name, text] of Object.entries(queries)) {
  const result = lintCypherQuery(text, { defaultLanguage: 'CYPHER 5' });
  const diagnostics = Array.isArray(result) ? result : (result.diagnostics ?? []);
  out[name] = diagnostics
    .filter((d) => d.severity === 1 && isNotParamError(d))
    .map((d) => ({ message: d.message, range: d.range }));
}
process.stdout.write(JSON.stringify(out));
