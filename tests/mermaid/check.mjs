// Mermaid's own parser over Mermaid files, in one of three ways (the first argument):
//   exports FILE...      motmap's exports: every task motmap wrote (one per `%% motmap moment`
//                        line, with the name, score and actors on the line above) is read
//   roundtrip A B ...    pairs of an original diagram and motmap's round trip of it
//                        (import, then export): both read the same sections, task names,
//                        scores and actors, but for what motmap says it does not keep
//   refused FILE...      diagrams Mermaid refuses
// Exits with 1 when any file fails.
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

// What the page shows for text from Mermaid's parser: the markers its encodeEntities put for
// `#35;` and `#quot;` read as the browser reads `&#35;` and `&quot;`, `<br>` as a line break.
const decoder = document.createElement('textarea');
const reference = (code) => {
  decoder.innerHTML = code;
  return decoder.value;
};
const shown = (text) =>
  text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/ﬂ°°(\w+)¶ß|ﬂ°(\w+)¶ß/g, (_, number, name) =>
      reference(number === undefined ? `&${name};` : `&#${number};`))
    .replace(/#(\w+);/g, (_, code) => reference(/^\d+$/.test(code) ? `&#${code};` : `&${code};`))
    .trim();

// What Mermaid reads of a file: its sections and tasks, as the page shows them.
async function read(file) {
  const text = fs.readFileSync(file, 'utf8');
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return {
    sections: diagram.db.getSections().map(shown),
    tasks: diagram.db.getTasks().map((t) => ({
      section: shown(t.section),
      name: shown(t.task),
      score: t.score,
      people: t.people.map(shown),
    })),
  };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
let failed = false;
const fail = (file, why) => {
  failed = true;
  console.log(`FAILED ${file}: ${String(why).split('\n').slice(0, 4).join(' | ')}`);
};

// The tasks a motmap export means to show: the line above each `%% motmap moment` line.
function written(text) {
  const lines = text.split('\n');
  return lines
    .map((line, i) => [line.trim(), lines[i + 1]?.trim() ?? ''])
    .filter(([, next]) => next.startsWith('%% motmap moment '))
    .map(([line]) => {
      const [name, score, actors] = line.split(':');
      const people = actors === undefined ? [] : actors.split(',').map(shown);
      return { name: shown(name), score: Number(score), people };
    });
}

// What motmap says it does not keep of a task: a score that no feeling is becomes the
// nearest whole score 1 to 5 (3 for what is no number), and an empty actor is left out.
function kept(task) {
  const score = Number.isNaN(task.score) || task.score === null
    ? 3
    : Math.min(5, Math.max(1, Math.round(task.score)));
  return { ...task, score, people: task.people.filter((p) => p !== '') };
}

const [mode, ...files] = process.argv.slice(2);
if (mode === 'exports') {
  for (const file of files) {
    try {
      const { tasks } = await read(file);
      const expected = written(fs.readFileSync(file, 'utf8'));
      const got = tasks.map(({ name, score, people }) => ({ name, score, people }));
      if (!same(got, expected)) {
        const first = got.findIndex((t, i) => !same(t, expected[i]));
        throw new Error(`read ${got.length} tasks, expected ${expected.length}: ` +
          `${JSON.stringify(got[first])} for ${JSON.stringify(expected[first])}`);
      }
      console.log(`ok ${file}: ${got.length} tasks`);
    } catch (error) {
      fail(file, error.message ?? error);
    }
  }
} else if (mode === 'roundtrip') {
  let whole = 0;
  for (let i = 0; i < files.length; i += 2) {
    const [original, back] = [files[i], files[i + 1]];
    try {
      const [before, after] = [await read(original), await read(back)];
      if (!same(before.sections, after.sections)) {
        throw new Error(`sections ${JSON.stringify(before.sections)} came back as ${JSON.stringify(after.sections)}`);
      }
      if (before.tasks.length !== after.tasks.length) {
        throw new Error(`${before.tasks.length} tasks came back as ${after.tasks.length}`);
      }
      const changed = [];
      before.tasks.forEach((task, n) => {
        const returned = after.tasks[n];
        if (same(task, returned)) return;
        if (!same(kept(task), returned)) {
          throw new Error(`task ${JSON.stringify(task)} came back as ${JSON.stringify(returned)}`);
        }
        changed.push(task.name);
      });
      if (changed.length === 0) whole += 1;
      const note = changed.length === 0 ? 'the same' :
        `the same but for what motmap does not keep (a score beyond 1-5 or between, an empty actor) in ${JSON.stringify(changed)}`;
      console.log(`ok ${original}: ${before.tasks.length} tasks in ${before.sections.length} sections, ${note}`);
    } catch (error) {
      fail(original, error.message ?? error);
    }
  }
  console.log(`${whole} of ${files.length / 2} diagrams came back exactly as Mermaid read them first.`);
} else if (mode === 'refused') {
  for (const file of files) {
    try {
      await read(file);
      fail(file, 'Mermaid reads it, so it does not belong with the refused');
    } catch (error) {
      console.log(`ok ${file}: refused by Mermaid: ${String(error.message ?? error).split('\n')[0]}`);
    }
  }
} else {
  console.log('usage: node check.mjs exports|roundtrip|refused FILE...');
  failed = true;
}
process.exit(failed ? 1 : 0);
