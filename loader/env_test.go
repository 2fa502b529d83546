package loader

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestParseEnv(t *testing.T) {
	src := "# comment\nA=1\nexport B = two # trailing\nC='single $A'\nD=\"line\\nbreak\"\nE=`tick`\nEMPTY=\nF=\"multi\nline\"\n  G=spaced  \n"
	want := []EnvVar{{"A", "1"}, {"B", "two"}, {"C", "single $A"}, {"D", "line\nbreak"}, {"E", "tick"}, {"EMPTY", ""}, {"F", "multi\nline"}, {"G", "spaced"}}
	if got := ParseEnv(src); !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestLoadEnvPrecedence(t *testing.T) {
	fsys := fstest.MapFS{
		".env":                  {Data: []byte("BASE=env\nSHARED=env\nURL=http://$HOST:${PORT:-80}/x\nLIT=\\$HOME\nSECRET_REF=$HIDDEN\n")},
		".env.production":       {Data: []byte("SHARED=production\nMODE_ONLY=prod\n")},
		".env.local":            {Data: []byte("SHARED=local\nHOST=localhost\n")},
		".env.production.local": {Data: []byte("TOP=prodlocal\n")},
		".env.development":      {Data: []byte("DEV=1\n")},
	}
	env, read, err := LoadEnv(fsys, EnvOptions{
		Mode:    "production",
		Environ: []string{"BASE=real", "HIDDEN=secret", "APP_NAME=x", "OTHER=y", "PATH=/bin"},
		Expose:  []string{"APP_*"},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"BASE":       "real", // the real environment wins
		"SHARED":     "local",
		"HOST":       "localhost",
		"URL":        "http://localhost:80/x",
		"LIT":        "$HOME",
		"SECRET_REF": "secret", // a file may name a hidden variable explicitly
		"MODE_ONLY":  "prod",
		"TOP":        "prodlocal",
		"APP_NAME":   "x", // exposed by pattern
		"NODE_ENV":   "production",
	}
	if !reflect.DeepEqual(env, want) {
		t.Fatalf("env %v\nwant %v", env, want)
	}
	if !reflect.DeepEqual(read, []string{".env.production.local", ".env.local", ".env.production", ".env"}) {
		t.Fatalf("read %v", read)
	}
	test, _, _ := LoadEnv(fsys, EnvOptions{Mode: "test"})
	if _, ok := test["HOST"]; ok {
		t.Fatal(".env.local must not be read in test mode")
	}
	all, _, _ := LoadEnv(fsys, EnvOptions{Mode: "development", Environ: []string{"OTHER=y"}, Expose: []string{"*"}})
	if all["OTHER"] != "y" || all["DEV"] != "1" || all["NODE_ENV"] != "development" {
		t.Fatalf("dev env %v", all)
	}
}
