/**
 * The stylesheet of matrix.html. Every verdict has a colour AND a word, so the page reads the same
 * without emoji fonts, in greyscale print, and for colour-blind readers (known failures are
 * striped, stale baseline entries outlined).
 */
export const MATRIX_CSS = `
:root{--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#b42318;--fail-bg:#ffd7d1;--error:#8a5a00;--error-bg:#ffe9a8;
--flaky:#6639ba;--flaky-bg:#e8dcff;--unsup:#57606a;--unsup-bg:#eaeef2;--skip:#6e7781;--skip-bg:#f6f8fa;--line:#d0d7de}
*{box-sizing:border-box}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1rem 1.5rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
.meta{color:#57606a;margin:.2rem 0 .6rem}.meta code{color:#1f2328}
.badge{display:inline-block;border-radius:1em;padding:.1rem .6rem;margin:0 .3rem .3rem 0;font-weight:600;border:1px solid transparent}
.v-pass{color:var(--pass);background:var(--pass-bg)}.v-fail{color:var(--fail);background:var(--fail-bg)}
.v-error{color:var(--error);background:var(--error-bg)}.v-flaky{color:var(--flaky);background:var(--flaky-bg)}
.v-unsupported{color:var(--unsup);background:var(--unsup-bg)}.v-skipped{color:var(--skip);background:var(--skip-bg)}
.known{background-image:repeating-linear-gradient(135deg,rgba(255,255,255,.65) 0 4px,transparent 4px 9px)}
.stale{outline:2px dashed var(--error);outline-offset:-3px}.new{outline:2px solid var(--fail);outline-offset:-2px}
table{border-collapse:separate;border-spacing:0}
th,td{border-right:1px solid var(--line);border-bottom:1px solid var(--line);padding:.2rem .35rem}
.summary th,.summary td{text-align:left;vertical-align:top}
.summary thead th{background:#f6f8fa;border-top:1px solid var(--line)}
.bar{display:flex;height:.55rem;width:9rem;border-radius:.2rem;overflow:hidden;margin:.15rem 0 .1rem;background:var(--skip-bg)}
.bar span{display:block;height:100%}.bar .b-pass{background:var(--pass)}.bar .b-fail{background:var(--fail)}
.bar .b-error{background:#d4a72c}.bar .b-flaky{background:var(--flaky)}.bar .b-unsupported{background:#afb8c1}.bar .b-skipped{background:#eaeef2}
.counts{font-size:.85em;color:#57606a;white-space:nowrap}.counts b{color:var(--fail)}
.controls{display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap;margin:.4rem 0 .6rem}
.controls label{font-weight:600;cursor:pointer}.legend span{display:inline-block;padding:0 .4rem;margin-right:.25rem;border-radius:.2rem;font-size:.85em}
.scroll{overflow:auto;max-height:85vh;border-left:1px solid var(--line);border-top:1px solid var(--line)}
.matrix thead th{position:sticky;background:#f6f8fa;z-index:2;font-weight:600}
.matrix thead tr.suites th{top:0;height:2rem;text-align:left;border-left:2px solid #8c959f}
.matrix thead tr.tests th{top:2rem;vertical-align:bottom;font-weight:500;font-size:.8em}
.matrix thead tr.tests th span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;max-height:13rem;overflow:hidden;text-overflow:ellipsis}
.matrix th.corner{left:0;z-index:4;text-align:left;vertical-align:bottom}
.matrix tbody th{position:sticky;left:0;z-index:1;background:#fff;text-align:left;white-space:nowrap;font-weight:600}
.matrix tbody th small,.summary th small{display:block;font-weight:400;color:#57606a}
.matrix .first{border-left:2px solid #8c959f}
.matrix td{padding:0;text-align:center;min-width:2.7rem}
.matrix td button{all:unset;display:block;cursor:pointer;padding:.25rem .15rem;font-size:.74em;font-weight:700;line-height:1.15}
.matrix td button small{display:block;font-weight:500}
.matrix td button:focus-visible{outline:2px solid #0969da}
body:has(#only-failing:checked) .matrix tbody tr.quiet{display:none}
body:has(#only-failing:checked) .matrix td.ok{opacity:.25}
[popover]{max-width:min(44rem,92vw);max-height:80vh;overflow:auto;border:1px solid var(--line);border-radius:.4rem;padding:.8rem 1rem;box-shadow:0 8px 24px rgba(0,0,0,.2)}
[popover] h3{margin:0 0 .4rem;font-size:1rem}[popover] dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0}
[popover] dt{color:#57606a}[popover] dd{margin:0}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.5rem;border-radius:.3rem;font-size:.85em;max-height:20rem;overflow:auto}
.failures li{margin:.15rem 0}.failures code{font-size:.9em}
.unconfigured td{vertical-align:top}.unconfigured td:first-child{font-weight:600;white-space:nowrap}
.notlive{font-size:.8em;color:#57606a;font-weight:400}
`;
