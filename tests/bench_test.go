package tests

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/amlvnet/amlvnet/internal/pulumitest"
	"github.com/amlvnet/amlvnet/internal/stackfile"
	"github.com/amlvnet/amlvnet/program"
)

// BenchmarkOfflinePreview measures the offline preview of each stack through
// the real engine, as `make preview` runs it: a new throwaway backend and
// stack, then the preview. It reports seconds per planned resource too.
func BenchmarkOfflinePreview(b *testing.B) {
	requireCLI(b)
	for _, f := range stackFiles(b) {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "Pulumi."), ".yaml")
		b.Run(name, func(b *testing.B) {
			steps := 0
			var previewOnly time.Duration
			for i := 0; i < b.N; i++ {
				var log bytes.Buffer
				s := openSession(b, f, &log)
				start := time.Now()
				doc, err := s.Preview(context.Background(), &log)
				previewOnly += time.Since(start)
				if err != nil {
					b.Fatalf("preview: %v\n%s", err, log.String())
				}
				steps = len(doc.Steps)
				s.Close()
			}
			b.ReportMetric(float64(steps), "resources")
			b.ReportMetric(previewOnly.Seconds()/float64(b.N), "preview-s/op")
			if steps > 0 {
				b.ReportMetric(previewOnly.Seconds()/float64(b.N)/float64(steps), "s/resource")
			}
		})
	}
}

// BenchmarkProgramUnderMocks measures the root program alone (config,
// validation, registration) under mocks, without the engine.
func BenchmarkProgramUnderMocks(b *testing.B) {
	for _, f := range stackFiles(b) {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "Pulumi."), ".yaml")
		st, err := stackfile.Load(f, "amlvnet", passphrase())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				m := &pulumitest.Mocks{VirtualNetworks: fixtureVnets(b)}
				if err := m.Run(program.Run, st.Config, st.SecretKeys...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
