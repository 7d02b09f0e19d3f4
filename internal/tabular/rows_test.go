package tabular

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestRowCounterAgreesWithRead compares the streaming count with the
// rows Read returns, on files with quoted newlines, blank lines, CRLF and
// no final newline, written in chunks that cut them anywhere.
func TestRowCounterAgreesWithRead(t *testing.T) {
	cases := []string{
		"a,b\n1,2\n3,4\n",
		"a,b\n1,2\n3,4",
		"a,b\r\n1,2\r\n\r\n3,4\r\n",
		"a,b\n\n\n1,2\n\n",
		"a,b\n\"x\ny\",2\n\"q\"\"\n\",3\n",
		"a,b\n",
		"a,b",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200; i++ {
		var b bytes.Buffer
		b.WriteString("a,b\n")
		for r := rng.IntN(30); r > 0; r-- {
			switch rng.IntN(5) {
			case 0:
				b.WriteString("\n")
			case 1:
				b.WriteString("\"x\n\"\"y\",1\r\n")
			default:
				b.WriteString("v,2\n")
			}
		}
		if rng.IntN(2) == 0 {
			b.WriteString("w,3")
		}
		cases = append(cases, b.String())
	}
	dir := t.TempDir()
	for i, text := range cases {
		path := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		tab, err := Read(path, []Column{{Name: "a", Kind: String}})
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		c, err := NewRowCounter(path)
		if err != nil {
			t.Fatal(err)
		}
		for p := []byte(text); len(p) > 0; {
			n := min(len(p), 1+rng.IntN(7))
			c.Write(p[:n])
			p = p[n:]
		}
		got, _ := c.Rows()
		if got != int64(tab.Len()) {
			t.Errorf("case %d %q: counted %d rows, Read has %d", i, text, got, tab.Len())
		}
	}
}

func TestRowCounterOfParquetAndArrow(t *testing.T) {
	dir := t.TempDir()
	tab := NewTable("t", 3)
	tab.SetFloats("x", []float64{1, 2, 3}, nil)
	for _, name := range []string{"t.parquet", "t.arrow", "t.csv.gz"} {
		path := filepath.Join(dir, name)
		if err := Write(path, tab); err != nil {
			t.Fatal(err)
		}
		c, err := NewRowCounter(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Rows()
		if err != nil || got != 3 {
			t.Errorf("%s: %d rows, %v; want 3", name, got, err)
		}
	}
}
