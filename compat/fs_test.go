package compat

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// newFSProject builds a project folder on disk: a.txt, sub/data.json,
// sub/link.txt -> ../a.txt, dirlink -> sub, and two links that escape it.
func newFSProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	outside := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "a.txt"), []byte("hi\n"), 0o644))
	must(os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "sub", "data.json"), []byte(`{"a":1}`), 0o644))
	must(os.WriteFile(filepath.Join(dir, "big.bin"), []byte(strings.Repeat("0123456789", 20000)), 0o644))
	must(os.Symlink("../a.txt", filepath.Join(dir, "sub", "link.txt")))
	must(os.Symlink("sub", filepath.Join(dir, "dirlink")))
	must(os.WriteFile(filepath.Join(outside, "secret"), []byte("no"), 0o644))
	must(os.Symlink(filepath.Join(outside, "secret"), filepath.Join(dir, "esc")))
	must(os.Symlink("../"+filepath.Base(outside), filepath.Join(dir, "escdir")))
	return dir
}

func TestFSSync(t *testing.T) {
	dir := newFSProject(t)
	_, run := newTestHost(t, Options{Root: os.DirFS(dir), RootPath: dir})
	run(`globalThis.fs = require('fs'); globalThis.R = process.cwd();
		globalThis.err = (f) => { try { f(); return 'no error'; } catch (e) { return [e.code, e.errno, e.syscall, e.path, e.message].join('|'); } };`)
	tests := []struct{ src, want string }{
		{`fs.readFileSync('a.txt', 'utf8') + fs.readFileSync('sub/link.txt', { encoding: 'utf8' }) + fs.readFileSync(R + '/dirlink/data.json', 'utf8')`, "hi\nhi\n{\"a\":1}"},
		{`const b = fs.readFileSync('a.txt'); [b.length, b[0], typeof b.toString, b instanceof Uint8Array].join()`, "3,104,function,true"},
		{`fs.readFileSync('a.txt', 'latin1') === 'hi\n' && fs.readFileSync('big.bin', 'utf8').length`, "200000"},
		{`err(() => fs.readFileSync('nope.txt'))`, "ENOENT|-2|open|nope.txt|ENOENT: no such file or directory, open 'nope.txt'"},
		{`const e = (() => { try { fs.readFileSync('nope.txt'); } catch (e) { return e; } })(); JSON.stringify(e) + (e instanceof Error)`, `{"errno":-2,"code":"ENOENT","syscall":"open","path":"nope.txt"}true`},
		{`err(() => fs.readdirSync('nope'))`, "ENOENT|-2|scandir|nope|ENOENT: no such file or directory, scandir 'nope'"},
		{`err(() => fs.statSync('nope'))`, "ENOENT|-2|stat|nope|ENOENT: no such file or directory, stat 'nope'"},
		{`err(() => fs.lstatSync('nope'))`, "ENOENT|-2|lstat|nope|ENOENT: no such file or directory, lstat 'nope'"},
		{`err(() => fs.accessSync('nope'))`, "ENOENT|-2|access|nope|ENOENT: no such file or directory, access 'nope'"},
		{`err(() => fs.readFileSync('.')).split('|').slice(0, 3).join('|')`, "EISDIR|-21|read"},
		{`err(() => fs.readdirSync('a.txt'))`, "ENOTDIR|-20|scandir|a.txt|ENOTDIR: not a directory, scandir 'a.txt'"},
		{`err(() => fs.readFileSync('../outside.txt')).split('|').slice(0, 4).join('|')`, "EACCES|-13|open|../outside.txt"},
		{`/only the project folder .* is readable/.test(err(() => fs.readFileSync('/etc/passwd')))`, "true"},
		{`err(() => fs.readFileSync('esc')).split('|')[0] + err(() => fs.readFileSync('escdir/secret')).split('|')[0] + err(() => fs.statSync('esc')).split('|')[0]`, "EACCESEACCESEACCES"},
		{`fs.lstatSync('esc').isSymbolicLink()`, "true"},
		{`const s = fs.statSync('a.txt'); [Object.keys(s).join(), s.isFile(), s.isDirectory(), (s.mode & 0o777).toString(8), s.size, s.mtime instanceof Date, s instanceof fs.Stats].join('|')`,
			"dev,mode,nlink,uid,gid,rdev,blksize,ino,size,blocks,atimeMs,mtimeMs,ctimeMs,birthtimeMs,atime,mtime,ctime,birthtime|true|false|644|3|true|true"},
		{`[fs.statSync('sub').isDirectory(), fs.lstatSync('sub/link.txt').isSymbolicLink(), fs.statSync('sub/link.txt').isFile(), String(fs.statSync('nope', { throwIfNoEntry: false })), typeof fs.statSync('a.txt', { bigint: true }).size].join()`, "true,true,true,undefined,bigint"},
		{`[fs.existsSync('a.txt'), fs.existsSync('nope'), fs.existsSync('esc'), fs.existsSync(R), fs.existsSync('/etc')].join()`, "true,false,false,true,false"},
		{`JSON.stringify(fs.readdirSync('sub')) + JSON.stringify(fs.readdirSync('.').length)`, `["data.json","link.txt"]6`},
		{`fs.readdirSync('sub', { withFileTypes: true }).map((d) => [d.name, d.isFile(), d.isSymbolicLink(), d.parentPath === R + '/sub', d.constructor.name, Object.keys(d).join(':')].join()).join('|')`,
			"data.json,true,false,true,Dirent,name:parentPath:path|link.txt,false,true,true,Dirent,name:parentPath:path"},
		{`fs.readdirSync('.', { recursive: true }).includes('sub/data.json')`, "true"},
		{`[fs.realpathSync('dirlink/link.txt') === R + '/a.txt', fs.realpathSync('.') === R, fs.realpathSync.native === fs.realpathSync].join()`, "true,true,true"},
		{`err(() => fs.realpathSync('nope')).split('|').slice(0, 4).join('|') === 'ENOENT|-2|lstat|' + R + '/nope'`, "true"},
		{`fs.readlinkSync('sub/link.txt')`, "../a.txt"},
		{`err(() => fs.writeFileSync('x', 'y')).split('|').slice(0, 4).join('|')`, "EROFS|-30|open|x"},
		{`/read-only/.test(err(() => fs.mkdirSync('d'))) && err(() => fs.unlinkSync('a.txt')).startsWith('EROFS|-30|unlink|a.txt')`, "true"},
		{`err(() => fs.accessSync('a.txt', fs.constants.W_OK)).split('|')[0] + err(() => fs.accessSync('a.txt', fs.constants.R_OK))`, "EROFSno error"},
		{`const fd = fs.openSync('a.txt'); const b = Buffer.alloc(10); const n = fs.readSync(fd, b, 0, 10, 0); const st = fs.fstatSync(fd); fs.closeSync(fd); n + JSON.stringify(b.toString('utf8', 0, 3)) + st.size + err(() => fs.closeSync(fd)).split('|')[0]`, `3"hi\n"3EBADF`},
		{`err(() => fs.openSync('a.txt', 'w')).split('|')[0]`, "EROFS"},
		{`[fs.readFileSync('a.txt', 'base64'), fs.readFileSync('a.txt', 'hex'), fs.readFileSync(new URL('file://' + R + '/a.txt'), 'utf8')].join('|')`, "aGkK|68690a|hi\n"},
		{`err(() => fs.readFileSync('a.txt', { encoding: 'nope' }))`, "ERR_INVALID_ARG_VALUE||||The argument 'encoding' is invalid encoding. Received 'nope'"},
		{`err(() => fs.readFileSync({}))`, `ERR_INVALID_ARG_TYPE||||The "path" argument must be of type string or an instance of Buffer or URL. Received an instance of Object`},
		{`fs.constants.O_RDONLY + fs.constants.R_OK + fs.F_OK`, "4"},
		{`fs.promises === require('fs/promises') && fs.promises === require('node:fs/promises')`, "true"},
	}
	for _, tc := range tests {
		if got := run("{" + tc.src + "\n}").String(); got != tc.want {
			t.Errorf("%s\n got  %q\n want %q", tc.src, got, tc.want)
		}
	}
}

func TestFSAsync(t *testing.T) {
	dir := newFSProject(t)
	_, run := newTestHost(t, Options{Root: os.DirFS(dir), RootPath: dir})
	run(`
		const fs = require('fs');
		const { AsyncLocalStorage } = require('async_hooks');
		const als = new AsyncLocalStorage();
		const out = globalThis.out = [];
		als.run('req1', () => fs.readFile('big.bin', 'utf8', (err, s) => out.push('cb ' + (err ? err.code : s.length) + ' ' + als.getStore())));
		fs.readFile('nope', (err) => out.push('cbErr ' + err.message));
		fs.readFile('a.txt', (err, b) => out.push('buf ' + b.length));
		fs.stat('sub', (err, s) => out.push('stat ' + s.isDirectory()));
		fs.readdir('sub', (err, l) => out.push('readdir ' + l.join()));
		fs.exists('a.txt', (ok) => out.push('exists ' + ok));
		fs.mkdir('x', (err) => out.push('mkdir ' + err.code));
		als.run('req2', async () => {
			const s = await fs.promises.readFile('sub/data.json', 'utf8');
			out.push('promise ' + JSON.parse(s).a + ' ' + als.getStore());
			try { await fs.promises.readFile('esc'); } catch (e) { out.push('promiseErr ' + e.code); }
			try { await fs.promises.writeFile('w', 'x'); } catch (e) { out.push('promiseWrite ' + e.code); }
			const h = await fs.promises.open('a.txt');
			const { bytesRead, buffer } = await h.read(Buffer.alloc(4), 0, 4, 0);
			await h.close();
			out.push('handle ' + bytesRead + buffer.toString('utf8', 0, 2));
			out.push('pstat ' + (await fs.promises.stat('a.txt')).size + ' ' + (await fs.promises.readdir('sub')).length);
		});
		const chunks = [];
		als.run('stream', () => {
			fs.createReadStream('big.bin', { highWaterMark: 65536 })
				.on('data', (c) => chunks.push(c.length))
				.on('end', () => out.push('stream ' + chunks.join('+') + ' ' + als.getStore()));
		});
		const part = [];
		fs.createReadStream('big.bin', { start: 5, end: 14, encoding: 'utf8' }).on('data', (c) => part.push(c)).on('end', () => out.push('range ' + part.join('')));
		fs.createReadStream('nope').on('error', (e) => out.push('streamErr ' + e.code));
		const ws = fs.createWriteStream('o');
		ws.on('error', (e) => out.push('writeStream ' + e.message.split(' (')[0] + ' ' + ws.path + ' ' + ws.destroyed)).on('close', () => out.push('writeStreamClose'));
		ws.write('x', (e) => out.push('writeCb ' + (e && e.code)));
	`)
	got := run(`out.slice().sort().join('\n')`).String()
	want := strings.Join([]string{
		"buf 3",
		"cb 200000 req1",
		"cbErr ENOENT: no such file or directory, open 'nope'",
		"exists true",
		"handle 3hi",
		"mkdir EROFS",
		"promise 1 req2",
		"promiseErr EACCES",
		"promiseWrite EROFS",
		"pstat 3 2",
		"range 5678901234",
		"readdir data.json,link.txt",
		"stat true",
		"stream 65536+65536+65536+3392 stream",
		"streamErr ENOENT",
		"writeCb EROFS",
		"writeStream EROFS: read-only file system, open 'o' o true",
		"writeStreamClose",
	}, "\n")
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestFSMapFS(t *testing.T) {
	root := fstest.MapFS{
		"index.txt":     {Data: []byte("map")},
		"dir/inner.txt": {Data: []byte("inner")},
	}
	_, run := newTestHost(t, Options{Root: root, RootPath: "/srv/app"})
	got := run(`const fs = require('fs'); [fs.readFileSync('/srv/app/index.txt', 'utf8'), fs.readFileSync('dir/inner.txt', 'utf8'), fs.readdirSync('/srv/app').join(), (() => { try { fs.readFileSync('/srv/other'); } catch (e) { return e.code; } })(), fs.realpathSync('dir/../index.txt')].join('|')`).String()
	if want := "map|inner|dir,index.txt|EACCES|/srv/app/index.txt"; got != want {
		t.Fatalf("got %q want %q", got, want)
	}
}
