/**
 * Lints a GitHub Actions workflow with action-validator (`@action-validator/core`: the SchemaStore workflow
 * schema, plus `needs:` naming jobs that exist), and places each of its errors at `path:line:col` with the YAML
 * positions the content check uses. actionlint would also check expressions and shell, but it is neither in
 * Debian nor installable from npm here (docs/deploy.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import { YamlPositions } from '../src/domain/content/source-positions.ts';
import { repoRoot } from './site-build.ts';

export interface WorkflowProblem {
  file: string;
  /** 1-based; absent when the checker names no place the YAML holds. */
  line?: number;
  column?: number;
  /** The field as the workflow writes it: `jobs.build.steps[2].uses`; '' for the whole file. */
  field: string;
  /** The checker's own words (its detail, else its title). */
  message: string;
}

/** A leaf error of action-validator: one without alternatives. */
type Leaf = ValidationError;

/**
 * The errors worth reading. A `one_of` error carries every alternative the schema allows (a job that runs steps,
 * or one that calls a reusable workflow; a step with `uses`, or one with `run`) and each one's errors: the
 * alternative with the fewest errors is the one the author meant, so only its errors are kept — all of those that
 * tie, when several do.
 */
function leaves(errors: readonly ValidationError[]): Leaf[] {
  return errors.flatMap((error) => {
    const states = 'states' in error ? error.states : undefined;
    if (!states || states.length === 0) return [error];
    const branches = states.map((state) => leaves(state.errors));
    const fewest = Math.min(...branches.map((branch) => branch.length));
    return branches.filter((branch) => branch.length === fewest).flat();
  });
}

/** `/jobs/build/steps/2/uses` → `jobs.build.steps[2].uses`, the path YamlPositions knows. */
function fieldOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** Every problem action-validator finds in the workflow `text` of `file`, in the checker's order, without repeats. */
export function lintWorkflow(file: string, text: string): WorkflowProblem[] {
  const positions = YamlPositions.ofYamlFile(text);
  const seen = new Set<string>();
  const problems: WorkflowProblem[] = [];
  for (const error of leaves(validateWorkflow(text).errors)) {
    const field = 'path' in error && error.path !== undefined ? fieldOf(error.path) : '';
    const message = error.detail ?? error.title;
    const key = `${field}\n${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const problem: WorkflowProblem = { file, field, message };
    // A YAML syntax error has its own place; a schema error is placed at the field (a missing one at its parent).
    const place = 'location' in error && error.location ? { line: error.location.line, column: error.location.column } : positions.positionOf(field, true);
    if (place) Object.assign(problem, place);
    problems.push(problem);
  }
  return problems;
}

export function lintWorkflowFile(path: string, file = path): WorkflowProblem[] {
  return lintWorkflow(file, readFileSync(path, 'utf8'));
}

/** `file:line:col: field: message` per problem, with the fix: look the field up in the workflow syntax reference. */
export function formatWorkflowProblem(problem: WorkflowProblem): string {
  const place = problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : '';
  return `${place}: ${field}${problem.message} (fix the field as GitHub's workflow syntax reference spells it, then run npm run check:workflow)`;
}

/**
 * `npm run check:workflow [-- FILE...]`: lints the given workflows, every `.github/workflows/*.yml` by default;
 * prints each problem and exits 1 when there is one.
 */
function main(): void {
  const files = process.argv.slice(2);
  const workflows = files.length > 0 ? files : readdirSync(join(repoRoot, '.github/workflows')).filter((name) => /\.ya?ml$/.test(name)).map((name) => join('.github/workflows', name));
  const problems = workflows.flatMap((file) => lintWorkflowFile(resolve(repoRoot, file), file));
  for (const problem of problems) console.error(formatWorkflowProblem(problem));
  console.log(`check:workflow: ${workflows.length} workflow(s), ${problems.length} problem(s)`);
  if (problems.length > 0) process.exit(1);
}

if (import.meta.main) main();
