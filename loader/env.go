package loader

import (
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
)

// EnvFiles returns the .env files Next.js reads for a mode ("development",
// "production" or "test"), highest priority first: .env.$mode.local,
// .env.local (not in test), .env.$mode, .env.
func EnvFiles(mode string) []string {
	files := []string{".env." + mode + ".local"}
	if mode != "test" {
		files = append(files, ".env.local")
	}
	return append(files, ".env."+mode, ".env")
}

// EnvOptions configure LoadEnv.
type EnvOptions struct {
	// Mode is NODE_ENV: "development", "production" or "test".
	Mode string
	// Environ is the server's environment (os.Environ()).
	Environ []string
	// Expose lists the variables of Environ that JS may see even though no
	// .env file defines them: exact names, prefixes ending in "*" ("APP_*"),
	// or "*" for all (what next start does). Variables a .env file defines
	// always take their value from Environ when it has them, as in Next.
	Expose []string
}

// LoadEnv builds process.env for a project with Next.js's rules: the .env
// files of the mode, earlier files winning over later ones; the real
// environment winning over every file; $VAR and ${VAR} expanded (with
// ${VAR:-default}, and \$ for a literal dollar). Unlike Next.js, the rest of
// the server's environment is hidden unless Expose lists it. NODE_ENV is
// always Mode. It returns the variables and the files it read.
func LoadEnv(fsys fs.FS, opts EnvOptions) (map[string]string, []string, error) {
	real := map[string]string{}
	for _, kv := range opts.Environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			real[k] = v
		}
	}
	env := map[string]string{}
	for k, v := range real {
		if exposed(k, opts.Expose) {
			env[k] = v
		}
	}
	var read []string
	fromFiles := map[string]string{}
	for _, name := range EnvFiles(opts.Mode) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			if os.IsNotExist(err) || isNotExist(err) {
				continue
			}
			return nil, nil, err
		}
		read = append(read, name)
		for _, kv := range ParseEnv(string(data)) {
			if _, seen := fromFiles[kv.Key]; !seen {
				fromFiles[kv.Key] = kv.Value
			}
		}
	}
	keys := make([]string, 0, len(fromFiles))
	for k := range fromFiles {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	lookup := func(name string) (string, bool) {
		if v, ok := real[name]; ok {
			return v, true
		}
		v, ok := fromFiles[name]
		return v, ok
	}
	for _, k := range keys {
		if v, ok := real[k]; ok {
			env[k] = v
			continue
		}
		env[k] = expand(fromFiles[k], lookup, map[string]bool{k: true})
	}
	env["NODE_ENV"] = opts.Mode
	return env, read, nil
}

func isNotExist(err error) bool { return strings.Contains(err.Error(), "not exist") }

func exposed(name string, patterns []string) bool {
	for _, p := range patterns {
		switch {
		case p == "*":
			return true
		case strings.HasSuffix(p, "*"):
			if strings.HasPrefix(name, strings.TrimSuffix(p, "*")) {
				return true
			}
		case p == name:
			return true
		}
	}
	return false
}

// EnvVar is one assignment from a .env file.
type EnvVar struct{ Key, Value string }

var envLine = regexp.MustCompile(`(?m)^\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*` + "`(?:\\\\`|[^`])*`" + `|[^#\r\n]+)?\s*(?:#.*)?$`)

// ParseEnv reads a .env file the way dotenv does: KEY=value lines, an
// optional "export ", single, double or backtick quotes (double quotes
// turn \n and \r into newlines), values that may span lines inside quotes,
// and # comments outside quotes.
func ParseEnv(src string) []EnvVar {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	var out []EnvVar
	for _, m := range envLine.FindAllStringSubmatch(src, -1) {
		key, val := m[1], strings.TrimSpace(m[2])
		if len(val) >= 2 {
			q := val[0]
			if (q == '"' || q == '\'' || q == '`') && val[len(val)-1] == q {
				val = val[1 : len(val)-1]
				if q == '"' {
					val = strings.NewReplacer(`\n`, "\n", `\r`, "\r").Replace(val)
				}
			}
		}
		out = append(out, EnvVar{key, val})
	}
	return out
}

var envRef = regexp.MustCompile(`(\\)?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))`)

// expand replaces $VAR, ${VAR} and ${VAR:-default} in v, like dotenv-expand;
// \$ stays a literal dollar sign. Variables referring to themselves through
// a cycle expand to "".
func expand(v string, lookup func(string) (string, bool), seen map[string]bool) string {
	return envRef.ReplaceAllStringFunc(v, func(ref string) string {
		m := envRef.FindStringSubmatch(ref)
		if m[1] != "" {
			return ref[1:]
		}
		name, def := m[2], m[3]
		if name == "" {
			name = m[4]
		}
		if seen[name] {
			return ""
		}
		val, ok := lookup(name)
		if !ok || (val == "" && def != "") {
			return expand(def, lookup, seen)
		}
		next := map[string]bool{name: true}
		for k := range seen {
			next[k] = true
		}
		return expand(val, lookup, next)
	})
}
