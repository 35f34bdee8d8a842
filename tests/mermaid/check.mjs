// Parses each Mermaid file named on the command line with Mermaid's own parser and checks
// that it read every task motmap wrote: one per `%% motmap moment` line, with the name
// score and actors shown on the line above it. Exits with 1 on the first file that fails.
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const expected = lines
    .map((line, i) => [line.trim(), lines[i + 1]?.trim() ?? ''])
    .filter(([, next]) => next.startsWith('%% motmap moment '))
    .map(([line]) => {
      const [name, score, actors] = line.split(':');
      const people = actors === undefined ? [] : actors.split(',').map((a) => a.trim());
      return { name: name.trim(), score: Number(score), people };
    });
  try {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const tasks = diagram.db
      .getTasks()
      .map((t) => ({ name: t.task.trim(), score: t.score, people: t.people.map((p) => p.trim()) }));
    if (JSON.stringify(tasks) !== JSON.stringify(expected)) {
      throw new Error(`read ${tasks.length} tasks, expected ${expected.length}: ` +
        JSON.stringify(tasks.filter((t, i) => JSON.stringify(t) !== JSON.stringify(expected[i]))[0]));
    }
    console.log(`ok ${file}: ${tasks.length} tasks`);
  } catch (error) {
    failed = true;
    console.log(`FAILED ${file}: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`);
  }
}
process.exit(failed ? 1 : 0);
