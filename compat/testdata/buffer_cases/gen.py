# Helpers for generating compat/*_cases_test.go: every case expression is
# run in real Node (node v20) and its printed result becomes the test's want.
import json, os, subprocess, sys, tempfile

import unicodedata
def unsafe(c):
    return unicodedata.category(c) in ('Cc', 'Cf', 'Cs', 'Co', 'Cn', 'Zl', 'Zp') and c != '\t'
def go_str(s):
    if '`' not in s and not any(unsafe(c) for c in s):
        return '`' + s + '`'
    out = '"'
    for c in s:
        if c == '\\': out += '\\\\'
        elif c == '"': out += '\\"'
        elif c == '\n': out += '\\n'
        elif c == '\t': out += '\\t'
        elif ord(c) < 0x20 or ord(c) == 0x7f: out += '\\x%02x' % ord(c)
        elif unsafe(c): out += '\\u%04x' % ord(c)
        else: out += c
    return out + '"'

SHOW = r"""const __show = (f) => { try { const v = f(); return typeof v === 'string' ? 's:' + JSON.stringify(v) : JSON.stringify(v, (k, x) => typeof x === 'bigint' ? x + 'n' : x) } catch (e) { return 'throws: ' + String(e) + (e && e.code !== undefined ? ' code=' + e.code : '') } };"""

def expected(cases, prelude):
    js = SHOW + "\n" + prelude + "\nconst __r = [];\n"
    for name, expr in cases:
        js += "__r.push(__show(() => (" + expr + ")));\n"
    js += "process.stdout.write(JSON.stringify(__r));"
    with tempfile.NamedTemporaryFile('w', suffix='.js', delete=False) as f:
        f.write(js)
    try:
        out = subprocess.run(['node', '--no-deprecation', f.name], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    if out.returncode != 0:
        sys.stderr.write(out.stderr); sys.exit(1)
    return json.loads(out.stdout)

def emit(var, cases, prelude):
    res = expected(cases, prelude)
    lines = ['var %s = []jsCase{' % var]
    for (name, expr), want in zip(cases, res):
        lines.append('\t{%s, %s, %s},' % (go_str(name), go_str(expr), go_str(want)))
    lines.append('}')
    return '\n'.join(lines)
