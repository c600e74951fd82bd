import type { LintResult } from '../engine/engine.js';
import type { RuleMeta } from '../engine/rule.js';
import type { Severity } from '../engine/types.js';
export interface FormatOptions {
    /** Colour the output (decided by the command from the terminal, NO_COLOR and --no-color). */
    color: boolean;
    /** The working directory, against which the file names of the findings are resolved; text formats show them relative to it. */
    cwd: string;
    /**
     * The root SARIF locations are relative to (`%SRCROOT%`): `--sarif-root`, else the repository holding the input
     * (`repositoryRoot`); default `cwd`.
     */
    sourceRoot?: string;
    /** Metadata of every rule, for formats that describe the rules they report (SARIF). */
    rules: readonly RuleMeta[];
    /** Findings at or above this severity fail the run (JUnit failures). */
    failOn: Severity;
    /** k8s-net's version, for formats that name the tool (SARIF); the CLI passes the package's. */
    toolVersion?: string;
}
/** A formatter is a pure function from results to text. */
export type Formatter = (result: LintResult, options: FormatOptions) => string;
