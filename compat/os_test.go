package compat

import "testing"

// TestOSMatchesNode compares os's tables and value shapes with Node's on the same machine.
// Every expected value was printed by Node 20 for the same source.
func TestOSMatchesNode(t *testing.T) {
	runMiscCases(t, []miscCase{
		{
			"const os = require('os'); JSON.stringify([os.EOL, os.devNull, os.endianness(), os.constants.signals.SIGTERM, os.constants.errno.ENOENT, os.constants.priority.PRIORITY_HIGH, typeof os.totalmem(), os.totalmem() >= os.freemem(), os.cpus().length === os.availableParallelism(), os.availableParallelism() > 0, Object.keys(os.cpus()[0]), Object.keys(os.cpus()[0].times), os.loadavg().length, typeof os.uptime(), os.type(), os.platform(), os.arch(), Object.keys(os.constants), typeof os.release(), os.constants.dlopen.RTLD_NOW, Object.keys(os.constants.signals).length, Object.keys(os.constants.errno).length])",
			"[\"\\n\",\"/dev/null\",\"LE\",15,2,-14,\"number\",true,true,true,[\"model\",\"speed\",\"times\"],[\"user\",\"nice\",\"sys\",\"idle\",\"irq\"],3,\"number\",\"Linux\",\"linux\",\"x64\",[\"UV_UDP_REUSEADDR\",\"dlopen\",\"errno\",\"signals\",\"priority\"],\"string\",2,33,79]",
		},
		{
			"JSON.stringify(Object.keys(require('os')).sort())",
			"[\"EOL\",\"arch\",\"availableParallelism\",\"constants\",\"cpus\",\"devNull\",\"endianness\",\"freemem\",\"getPriority\",\"homedir\",\"hostname\",\"loadavg\",\"machine\",\"networkInterfaces\",\"platform\",\"release\",\"setPriority\",\"tmpdir\",\"totalmem\",\"type\",\"uptime\",\"userInfo\",\"version\"]",
		},
	})
}

func TestOSHidesMachineIdentity(t *testing.T) {
	_, run := newTestHost(t, Options{Env: map[string]string{"HOME": "/home/app", "TMPDIR": "/var/tmp/"}})
	v := run(`
		const os = require('os');
		JSON.stringify([os.hostname(), os.networkInterfaces(), os.tmpdir(), os.homedir(), os.userInfo().uid, os.cpus()[0].model, os.getPriority()]);
	`).String()
	// Node would print the real host name and interfaces; these are the fixed
	// values gojaapi reports instead. HOME and TMPDIR come from process.env.
	want := `["localhost",{},"/var/tmp","/home/app",-1,"unknown",0]`
	if v != want {
		t.Fatalf("got %s want %s", v, want)
	}
}
