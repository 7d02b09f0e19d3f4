package kubernetes

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// decodeJob decodes path into the Job API type, refusing any field the
// type does not have (a misspelt key, a key at the wrong level).
func decodeJob(t *testing.T, path string) *batchv1.Job {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var j batchv1.Job
	if err := yaml.UnmarshalStrict(b, &j); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if j.APIVersion != "batch/v1" || j.Kind != "Job" {
		t.Fatalf("%s: %s %s, want batch/v1 Job", path, j.APIVersion, j.Kind)
	}
	return &j
}

func container(t *testing.T, j *batchv1.Job) corev1.Container {
	t.Helper()
	cs := j.Spec.Template.Spec.Containers
	if len(cs) != 1 || cs[0].Name != "triad" {
		t.Fatalf("%s: want one container named triad, got %d", j.Name, len(cs))
	}
	return cs[0]
}

func env(c corev1.Container, name string) (string, bool) {
	for _, e := range c.Env {
		if e.Name == name {
			return e.Value, true
		}
	}
	return "", false
}

func TestIndexedJob(t *testing.T) {
	j := decodeJob(t, "job.yaml")
	s := j.Spec
	if s.CompletionMode == nil || *s.CompletionMode != batchv1.IndexedCompletion {
		t.Errorf("completionMode %v, want Indexed", s.CompletionMode)
	}
	if s.Completions == nil || *s.Completions < 1 {
		t.Fatalf("completions %v", s.Completions)
	}
	if s.BackoffLimitPerIndex == nil || *s.BackoffLimitPerIndex < 1 {
		t.Errorf("backoffLimitPerIndex %v, want a retry per index", s.BackoffLimitPerIndex)
	}
	// podFailurePolicy requires restartPolicy Never.
	if p := j.Spec.Template.Spec.RestartPolicy; p != corev1.RestartPolicyNever {
		t.Errorf("restartPolicy %q, want Never", p)
	}
	c := container(t, j)
	// triad's bad-input exit code fails the index without a retry.
	found := false
	for _, r := range s.PodFailurePolicy.Rules {
		if e := r.OnExitCodes; e != nil && r.Action == batchv1.PodFailurePolicyActionFailIndex {
			found = e.Operator == batchv1.PodFailurePolicyOnExitCodesOpIn && len(e.Values) == 1 && e.Values[0] == 2 &&
				e.ContainerName != nil && *e.ContainerName == c.Name
		}
	}
	if !found {
		t.Error("no podFailurePolicy rule FailIndex on exit code 2 of the triad container")
	}
	args := strings.Join(c.Args, " ")
	if !regexp.MustCompile(`^batch --manifest \S+ --shard auto`).MatchString(args) {
		t.Errorf("args %q, want batch --manifest F --shard auto", args)
	}
	// The shard count is the Job's completions.
	n, ok := env(c, "JOB_COMPLETION_COUNT")
	if !ok || n != strconv.Itoa(int(*s.Completions)) {
		t.Errorf("JOB_COMPLETION_COUNT %q, want completions %d", n, *s.Completions)
	}
	mounted := map[string]bool{}
	for _, m := range c.VolumeMounts {
		mounted[m.Name] = true
		if strings.HasPrefix(c.Args[2], m.MountPath+"/") && !m.ReadOnly {
			t.Errorf("the manifest's volume %s is writable", m.Name)
		}
	}
	for _, v := range j.Spec.Template.Spec.Volumes {
		if !mounted[v.Name] {
			t.Errorf("volume %s is not mounted", v.Name)
		}
	}
}

func TestGatherJob(t *testing.T) {
	j := decodeJob(t, "gather.yaml")
	c := container(t, j)
	if len(c.Args) < 1 || c.Args[0] != "gather" {
		t.Errorf("args %q, want gather ...", c.Args)
	}
	if j.Spec.Template.Spec.RestartPolicy != corev1.RestartPolicyNever {
		t.Error("restartPolicy must be Never")
	}
	b := decodeJob(t, "job.yaml")
	if c.Image != container(t, b).Image {
		t.Errorf("gather runs image %s, the batch %s", c.Image, container(t, b).Image)
	}
}

// TestDockerfile checks the Dockerfile's shape (no container engine runs
// here): a static build of cmd/triad copied onto scratch as its entry point.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	d := string(b)
	for _, want := range []string{"CGO_ENABLED=0", "go build", "./cmd/triad", "FROM scratch", "COPY --from=build /triad /triad", `ENTRYPOINT ["/triad"]`, "USER 65532"} {
		if !strings.Contains(d, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	j := decodeJob(t, "job.yaml")
	if u := j.Spec.Template.Spec.SecurityContext.RunAsUser; u == nil || *u != 65532 {
		t.Error("the Job's runAsUser is not the image's user 65532")
	}
}
