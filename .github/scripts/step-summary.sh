#!/usr/bin/env bash
# Appends a run's compact Markdown matrix (matrix.summary.md) to the GitHub job summary.
# Usage: step-summary.sh <run folder, or a report folder holding latest/> <title>
# A run that wrote no matrix gets a line saying so (the job's own status tells why).
set -euo pipefail
[ "$#" -eq 2 ] || { echo "usage: $0 <run folder | report folder> <title>" >&2; exit 2; }
dir="$1"
title="$2"
[ -n "${GITHUB_STEP_SUMMARY:-}" ] || { echo "GITHUB_STEP_SUMMARY is not set: this script writes the GitHub Actions job summary" >&2; exit 2; }
if [ -e "$dir/latest" ]; then dir="$dir/latest"; fi
summary="$dir/matrix.summary.md"
# GitHub keeps at most 1 MiB of summary per step.
limit=$((1000 * 1000))
{
  echo "## llm-verify: $title"
  echo
  if [ ! -f "$summary" ]; then
    echo "_No compact matrix: the run wrote no \`matrix.summary.md\` (see the job log and the uploaded reports)._"
  elif [ "$(wc -c <"$summary")" -gt "$limit" ]; then
    head -c "$limit" "$summary"
    echo
    echo "_Cut at 1 MB: the full matrix is in the uploaded reports._"
  else
    cat "$summary"
  fi
  echo
} >>"$GITHUB_STEP_SUMMARY"
