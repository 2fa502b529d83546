package deploy

import (
	"bytes"
	"context"
	"debug/elf"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/patternmatcher/ignorefile"
	digest "github.com/opencontainers/go-digest"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"sigs.k8s.io/yaml"
)

// --- Dockerfile -------------------------------------------------------------------------

// offlineImages answers BuildKit's base-image look-ups without a registry:
// every base image is a linux/amd64 image with one layer and a PATH.
type offlineImages struct{}

func (offlineImages) ResolveImageConfig(ctx context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	cfg := []byte(`{"architecture":"amd64","os":"linux",
		"config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
		"rootfs":{"type":"layers","diff_ids":["sha256:0000000000000000000000000000000000000000000000000000000000000000"]}}`)
	return ref, "", cfg, nil
}

// TestDockerfileLint runs BuildKit's own checks (those of "docker build
// --check": casing, JSON arguments, undefined variables, stage names,
// secrets in ARG/ENV...) over deploy/Dockerfile, offline.
func TestDockerfileLint(t *testing.T) {
	dt, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	src := llb.NewSourceMap(nil, "Dockerfile", "Dockerfile", dt)
	src.Definition = &llb.Definition{}
	res, err := dockerfile2llb.DockerfileLint(context.Background(), dt, dockerfile2llb.ConvertOpt{
		SourceMap:    src,
		MetaResolver: offlineImages{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Error != nil {
		t.Fatalf("Dockerfile does not build: %s", res.Error.Message)
	}
	for _, w := range res.Warnings {
		line := 0
		if w.Location != nil && len(w.Location.Ranges) > 0 {
			line = int(w.Location.Ranges[0].Start.Line)
		}
		t.Errorf("Dockerfile:%d: %s: %s (%s)", line, w.RuleName, w.Detail, w.URL)
	}
}

// dockerfile parses deploy/Dockerfile into stages.
func dockerfile(t *testing.T) []instructions.Stage {
	t.Helper()
	dt, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	res, err := parser.Parse(bytes.NewReader(dt))
	if err != nil {
		t.Fatal(err)
	}
	stages, _, err := instructions.Parse(res.AST, nil)
	if err != nil {
		t.Fatal(err)
	}
	return stages
}

// TestDockerfileRules checks what this project asks of its image: a
// multi-stage build of a static binary, a small final image with CA
// certificates running as a non-root user, and an entrypoint that Kubernetes
// args can follow.
func TestDockerfileRules(t *testing.T) {
	stages := dockerfile(t)
	if len(stages) < 2 {
		t.Fatalf("%d stages: want a multi-stage build", len(stages))
	}
	names := map[string]bool{}
	var cgoOff, goBuild bool
	for _, st := range stages {
		if st.BaseName == "" || (!strings.Contains(st.BaseName, ":") && st.BaseName != "scratch") || strings.HasSuffix(st.BaseName, ":latest") {
			t.Errorf("stage %q: base image %q has no pinned tag", st.Name, st.BaseName)
		}
		for _, c := range st.Commands {
			switch c := c.(type) {
			case *instructions.RunCommand:
				line := strings.Join(c.CmdLine, " ")
				cgoOff = cgoOff || strings.Contains(line, "CGO_ENABLED=0")
				goBuild = goBuild || strings.Contains(line, "go build")
			case *instructions.CopyCommand:
				if c.From != "" && !names[c.From] {
					t.Errorf("COPY --from=%s: no earlier stage of that name", c.From)
				}
			}
		}
		names[st.Name] = true
	}
	if !cgoOff || !goBuild {
		t.Errorf("no RUN with CGO_ENABLED=0 go build (static binary): cgo off %v, go build %v", cgoOff, goBuild)
	}

	final := stages[len(stages)-1]
	if !strings.HasPrefix(final.BaseName, "gcr.io/distroless/static") && final.BaseName != "scratch" {
		t.Errorf("final image %q: want distroless/static (CA certificates, no shell) or scratch", final.BaseName)
	}
	var user string
	var entrypoint, cmd []string
	var exposed []string
	for _, c := range final.Commands {
		switch c := c.(type) {
		case *instructions.UserCommand:
			user = c.User
		case *instructions.EntrypointCommand:
			if !c.PrependShell {
				entrypoint = c.CmdLine
			}
		case *instructions.CmdCommand:
			if !c.PrependShell {
				cmd = c.CmdLine
			}
		case *instructions.ExposeCommand:
			exposed = append(exposed, c.Ports...)
		case *instructions.RunCommand:
			t.Errorf("RUN in the final stage (it has no shell): %v", c.CmdLine)
		}
	}
	if uid := strings.SplitN(user, ":", 2)[0]; uid == "" || uid == "0" || uid == "root" {
		t.Errorf("final stage runs as %q: want a non-root USER", user)
	}
	if !slices.Equal(entrypoint, []string{"/usr/local/bin/gojaapi"}) {
		t.Errorf("ENTRYPOINT %q: want the binary alone (exec form), so that Kubernetes args replace CMD whole", entrypoint)
	}
	if len(cmd) == 0 || cmd[0] != "start" || cmd[len(cmd)-1] != "/app" {
		t.Errorf("CMD %q: want start ... /app", cmd)
	}
	if !slices.Equal(exposed, []string{"3000", "9090"}) {
		t.Errorf("EXPOSE %v", exposed)
	}

	// The context's ignore file must parse and keep node_modules out.
	f, err := os.Open("Dockerfile.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	patterns, err := ignorefile.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(patterns, "**/node_modules") {
		t.Errorf("Dockerfile.dockerignore does not leave out node_modules: %v", patterns)
	}
}

// TestImageCommand does what the image does, without a container engine:
// builds the binary as the Dockerfile's build stage does, checks that it is
// static (no ELF interpreter: it runs on distroless/static), and runs the
// image's CMD against the default project (testdata), built and without its
// node_modules as the project stage leaves it, until it serves.
func TestImageCommand(t *testing.T) {
	bin := gojaapiBinary(t)
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("%s needs a dynamic loader: not a static binary", bin)
		}
	}
	f.Close()

	var cmd []string
	for _, c := range dockerfile(t)[len(dockerfile(t))-1].Commands {
		if c, ok := c.(*instructions.CmdCommand); ok {
			cmd = c.CmdLine
		}
	}
	// The project stage: the project with its npm packages, bundled by
	// gojaapi build, then without node_modules.
	src, err := filepath.Abs(filepath.Join(repoRoot, "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	project := filepath.Join(t.TempDir(), "app")
	if out, err := exec.Command("cp", "-a", src, project).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
	if err := os.RemoveAll(filepath.Join(project, ".gojaapi")); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "build", project).CombinedOutput(); err != nil {
		t.Fatalf("gojaapi build: %v\n%s", err, out)
	}
	if err := os.RemoveAll(filepath.Join(project, "node_modules")); err != nil {
		t.Fatal(err)
	}
	runServing(t, bin, substituteArgs(cmd, project, freePort(t), freePort(t)))
}

// runServing runs the binary with args (which must hold --port and
// --metrics-addr), checks that it gets ready and answers an API request,
// then stops it.
func runServing(t *testing.T, bin string, args []string) {
	t.Helper()
	var port, mport int
	for _, a := range args {
		if v, ok := strings.CutPrefix(a, "--port="); ok {
			port, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(a, "--metrics-addr=127.0.0.1:"); ok {
			mport, _ = strconv.Atoi(v)
		}
	}
	if port == 0 || mport == 0 {
		t.Fatalf("args without --port= and --metrics-addr=: %q", args)
	}
	in := &instance{name: "image", port: port, mport: mport, args: args, logPath: filepath.Join(t.TempDir(), "log")}
	in.start(t, bin)
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/api/hello", port))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Hello") {
		t.Errorf("GET /api/hello: %d %q", resp.StatusCode, body)
	}
	if err := in.terminate(t); err != nil {
		t.Error(err)
	}
	logs := tail(in.logPath, 50)
	if !regexp.MustCompile(`"msg":"request","method":"GET","path":"/api/hello"`).MatchString(logs) {
		t.Errorf("no JSON access line:\n%s", logs)
	}
}

// --- Kubernetes -------------------------------------------------------------------------

// manifests reads every document of the YAML files in kubernetes/, decoding
// each strictly (an unknown or misspelt field is an error) into the
// Kubernetes API type of its kind.
type manifests struct {
	deployments []*appsv1.Deployment
	services    []*corev1.Service
	pdbs        []*policyv1.PodDisruptionBudget
	files       []string
}

func readManifests(t *testing.T) manifests {
	t.Helper()
	paths, err := filepath.Glob("kubernetes/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no manifests: %v", err)
	}
	var m manifests
	for _, p := range paths {
		if filepath.Base(p) == "kustomization.yaml" {
			continue
		}
		m.files = append(m.files, filepath.Base(p))
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(data), -1) {
			if strings.TrimSpace(regexp.MustCompile(`(?m)^\s*#.*$`).ReplaceAllString(doc, "")) == "" {
				continue
			}
			var meta struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
			}
			if err := yaml.Unmarshal([]byte(doc), &meta); err != nil {
				t.Fatalf("%s #%d: %v", p, i, err)
			}
			var target any
			switch meta.APIVersion + " " + meta.Kind {
			case "apps/v1 Deployment":
				d := &appsv1.Deployment{}
				m.deployments, target = append(m.deployments, d), d
			case "v1 Service":
				s := &corev1.Service{}
				m.services, target = append(m.services, s), s
			case "policy/v1 PodDisruptionBudget":
				b := &policyv1.PodDisruptionBudget{}
				m.pdbs, target = append(m.pdbs, b), b
			default:
				t.Fatalf("%s #%d: unexpected %s %s", p, i, meta.APIVersion, meta.Kind)
			}
			if err := yaml.UnmarshalStrict([]byte(doc), target); err != nil {
				t.Errorf("%s #%d (%s): %v", p, i, meta.Kind, err)
			}
		}
	}
	return m
}

// TestKubernetesManifests checks the manifests against the Kubernetes API
// types (strictly) and against each other and the binary: probes on the
// metrics port, a preStop pause within the termination grace period,
// resources, a non-root read-only container, and Service and PDB selectors
// that match the pods.
func TestKubernetesManifests(t *testing.T) {
	m := readManifests(t)
	if len(m.deployments) != 1 || len(m.services) != 1 || len(m.pdbs) != 1 {
		t.Fatalf("want one Deployment, Service and PodDisruptionBudget: %d %d %d", len(m.deployments), len(m.services), len(m.pdbs))
	}
	d := m.deployments[0]
	pod := d.Spec.Template
	if d.Spec.Selector == nil || !matches(d.Spec.Selector.MatchLabels, pod.Labels) {
		t.Errorf("Deployment selector %v does not match the pod labels %v", d.Spec.Selector, pod.Labels)
	}
	if d.Spec.Replicas == nil || *d.Spec.Replicas < 2 {
		t.Errorf("replicas: want 2 or more")
	}
	if ru := d.Spec.Strategy.RollingUpdate; ru == nil || ru.MaxUnavailable == nil || ru.MaxUnavailable.IntValue() != 0 {
		t.Errorf("rolling update: want maxUnavailable 0")
	}
	if len(pod.Spec.Containers) != 1 {
		t.Fatalf("%d containers", len(pod.Spec.Containers))
	}
	c := pod.Spec.Containers[0]
	ports := map[string]int32{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	if ports["http"] == 0 || ports["metrics"] == 0 {
		t.Fatalf("container ports %v: want http and metrics", ports)
	}

	// The args must be ones the binary takes, and agree with the ports.
	args := map[string]string{}
	for _, a := range c.Args[1:] {
		if k, v, ok := strings.Cut(a, "="); ok {
			args[k] = v
		}
	}
	if c.Args[0] != "start" || c.Args[len(c.Args)-1] != "/app" {
		t.Errorf("args %q: want start ... /app", c.Args)
	}
	if args["--port"] != strconv.Itoa(int(ports["http"])) {
		t.Errorf("--port=%s but the http port is %d", args["--port"], ports["http"])
	}
	if !strings.HasSuffix(args["--metrics-addr"], ":"+strconv.Itoa(int(ports["metrics"]))) {
		t.Errorf("--metrics-addr=%s but the metrics port is %d", args["--metrics-addr"], ports["metrics"])
	}
	for _, p := range []struct {
		name  string
		probe *corev1.Probe
		path  string
	}{{"readiness", c.ReadinessProbe, "/readyz"}, {"liveness", c.LivenessProbe, "/healthz"}} {
		if p.probe == nil || p.probe.HTTPGet == nil {
			t.Errorf("no %s probe over HTTP", p.name)
			continue
		}
		if p.probe.HTTPGet.Path != p.path || p.probe.HTTPGet.Port != intstr.FromString("metrics") {
			t.Errorf("%s probe: %s on %s, want %s on the metrics port", p.name, p.probe.HTTPGet.Path, p.probe.HTTPGet.Port.String(), p.path)
		}
	}
	if c.Lifecycle == nil || c.Lifecycle.PreStop == nil || c.Lifecycle.PreStop.Sleep == nil {
		t.Fatal("no preStop sleep: endpoints may still send traffic after SIGTERM")
	}
	grace, err := time.ParseDuration(args["--grace"])
	if err != nil {
		t.Fatalf("--grace: %v", err)
	}
	drain := time.Duration(0)
	if v, ok := args["--drain-delay"]; ok {
		if drain, err = time.ParseDuration(v); err != nil {
			t.Fatalf("--drain-delay: %v", err)
		}
	}
	need := time.Duration(c.Lifecycle.PreStop.Sleep.Seconds)*time.Second + drain + grace
	if tg := pod.Spec.TerminationGracePeriodSeconds; tg == nil || time.Duration(*tg)*time.Second <= need {
		t.Errorf("terminationGracePeriodSeconds must exceed preStop + --drain-delay + --grace (%v)", need)
	}
	for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		req, lim := c.Resources.Requests[r], c.Resources.Limits[r]
		if req.IsZero() || lim.IsZero() || req.Cmp(lim) > 0 {
			t.Errorf("%s: request %s, limit %s", r, req.String(), lim.String())
		}
	}
	psc, sc := pod.Spec.SecurityContext, c.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.RunAsUser == nil || *psc.RunAsUser == 0 {
		t.Error("pod must run as a non-root user")
	}
	if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
		t.Error("container must have a read-only root and no privilege escalation")
	}

	svc := m.services[0]
	if !matches(svc.Spec.Selector, pod.Labels) {
		t.Errorf("Service selector %v does not match the pod labels %v", svc.Spec.Selector, pod.Labels)
	}
	for _, p := range svc.Spec.Ports {
		if p.TargetPort.Type != intstr.String || ports[p.TargetPort.StrVal] == 0 {
			t.Errorf("Service port %s targets %s, not a named container port", p.Name, p.TargetPort.String())
		}
	}
	if pdb := m.pdbs[0]; pdb.Spec.Selector == nil || !matches(pdb.Spec.Selector.MatchLabels, pod.Labels) {
		t.Error("PodDisruptionBudget selector does not match the pods")
	}

	// kustomization.yaml lists every manifest.
	var k struct {
		Resources []string `json:"resources"`
	}
	data, err := os.ReadFile("kubernetes/kustomization.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &k); err != nil {
		t.Fatal(err)
	}
	slices.Sort(k.Resources)
	if !slices.Equal(k.Resources, m.files) {
		t.Errorf("kustomization resources %v, files %v", k.Resources, m.files)
	}
}

// TestKubernetesArgs runs the binary with the Deployment's args (loopback
// addresses and free ports instead of the pod's): every flag must be one it
// takes, and it must serve.
func TestKubernetesArgs(t *testing.T) {
	m := readManifests(t)
	if len(m.deployments) == 0 {
		t.Fatal("no Deployment")
	}
	c := m.deployments[0].Spec.Template.Spec.Containers[0]
	project, err := filepath.Abs(filepath.Join(repoRoot, "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	runServing(t, gojaapiBinary(t), substituteArgs(c.Args, project, freePort(t), freePort(t)))
}

// matches reports whether every selector label is among labels.
func matches(selector, labels map[string]string) bool {
	if len(selector) == 0 {
		return false
	}
	for k, v := range selector {
		if labels[k] != v {
			return false
		}
	}
	return true
}
