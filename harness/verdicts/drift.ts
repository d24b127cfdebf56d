import type { Capability } from '../contract/capability.ts';
import type { FailureLayer } from '../contract/verify-error.ts';
import type { Cell } from '../matrix/cell.ts';
import type { CellResult } from './verdict.ts';

/** How a probed cell's outcome disagrees with what the model declares. */
export type DriftDirection = 'declared-unsupported-but-works' | 'declared-supported-but-fails';

export interface Drift {
  direction: DriftDirection;
  /** The required capabilities the declaration is wrong about. */
  capabilities: Capability[];
}

/** Failure layers that say the capability does not work (not a weak answer, not a flaky network). */
const CAPABILITY_FAILURE_LAYERS: ReadonlySet<FailureLayer> = new Set(['protocol', 'parser']);

/**
 * The drift of a cell run with `--probe`: a test that passes although the model declares one of
 * its capabilities absent (one its pass can show: `passShows`), or one that fails at the wire (protocol, parser) or turns out
 * unsupported at run time although every capability it needs is declared present (one it needs
 * that is declared neither way could be what failed: no drift). Model-layer
 * failures are a weak answer, transport/infra/harness ones say nothing about the capability.
 */
export function driftOf(cell: Pick<Cell, 'requires' | 'probe' | 'target'>, result: Pick<CellResult, 'verdict' | 'layer'>, passShows: readonly Capability[] = cell.requires): Drift | undefined {
  if (!cell.probe) return undefined;
  const absent = cell.probe.declaredUnsupported;
  if (absent.length > 0) {
    // Only what a pass can show: a pass by absence (no call under tool_choice "none") shows nothing.
    const shown = absent.filter((capability) => passShows.includes(capability));
    return result.verdict === 'pass' && shown.length > 0 ? { direction: 'declared-unsupported-but-works', capabilities: shown } : undefined;
  }
  // A capability the model does not declare either way may be what failed: no declaration to drift from.
  const allDeclared = cell.requires.length > 0 && cell.requires.every((capability) => cell.target.capabilities[capability] === true);
  if (!allDeclared) return undefined;
  const broken = result.verdict === 'unsupported' || (result.verdict === 'fail' && result.layer !== undefined && CAPABILITY_FAILURE_LAYERS.has(result.layer));
  return broken ? { direction: 'declared-supported-but-fails', capabilities: [...cell.requires] } : undefined;
}
