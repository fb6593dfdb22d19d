"""The results pages' one stylesheet: system fonts, AA contrast, readable on a phone.

Colours (on white #ffffff): text #1a1a1a (17.4:1), muted text #4a4a4a (8.9:1), links #0b4f9c
(8.0:1), the header band #14365f with white text (12.1:1): all above WCAG AA's 4.5:1. Tables
keep their semantics at every width: the candidate's description sits under the name and, on a
phone, the word "Elected" too (the Result column gives way), so the columns fit in 360 px with
no horizontal scroll.
"""

STYLESHEET = """\
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: #1a1a1a;
  background: #ffffff;
}
.wrap { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header.site { background: #14365f; color: #ffffff; padding: 0.75rem 0; }
header.site p { margin: 0; font-weight: 600; }
header.site a { color: #ffffff; }
main { padding: 1rem 0 2rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #f2b705; outline-offset: 2px; }
p, li, dd, caption, th[scope="row"] { overflow-wrap: anywhere; }
td, thead th { white-space: nowrap; }
table.index td { white-space: normal; overflow-wrap: anywhere; }
table.index td.stage { overflow-wrap: normal; }
.muted { color: #4a4a4a; }
.outcome { font-size: 1.15rem; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.4rem; border-bottom: 1px solid #c8ccd1; }
thead th { border-bottom: 2px solid #1a1a1a; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: 600; border-bottom: none; }
tr.elected th, tr.elected td { background: #e8f0fa; }
.description { display: block; color: #4a4a4a; font-size: 0.9rem; font-weight: 400; }
.badge { font-weight: 700; }
.mark-narrow { display: none; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
figure { margin: 1rem 0; }
svg.chart { display: block; width: 100%; max-width: 32rem; height: auto; }
figcaption { color: #4a4a4a; font-size: 0.9rem; margin-top: 0.5rem; }
footer.site { border-top: 1px solid #c8ccd1; padding: 1rem 0 2rem; color: #4a4a4a; font-size: 0.9rem; }
@media (max-width: 30rem) {
  h1 { font-size: 1.45rem; }
  th, td { padding: 0.45rem 0.25rem; }
  dl.facts { grid-template-columns: 1fr; }
  th.mark, td.mark { display: none; }
  .mark-narrow { display: block; font-weight: 700; }
  dl.facts dd { margin-bottom: 0.4rem; }
}
"""
