package catalog

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// makeBigDocx writes a catalog of n entries as a Word table of 9 columns.
func makeBigDocx(t testing.TB, n int) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString(wp("某局权力清单和责任清单"))
	b.WriteString(`<w:tbl><w:tblPr/><w:tblGrid/>`)
	b.WriteString(plainRow("序号", "权力类型", "权力名称", "权力依据", "责任事项", "责任事项依据", "责任科室", "追责对象范围", "备注"))
	for i := 1; i <= n; i++ {
		b.WriteString(wtr(
			wtc("", wp(fmt.Sprint(i))),
			wtc("", wp("行政处罚")),
			wtc("", wp(fmt.Sprintf("对第%d种违法行为的处罚", i))),
			wtc("", wp(fmt.Sprintf("《中华人民共和国社会保险法》第%d条：用人单位不办理社会保险登记的，由社会保险行政部门责令限期改正；逾期不改正的，对用人单位处应缴社会保险费数额一倍以上三倍以下的罚款。", i%100+1))),
			wtc("", wp("1.立案责任：决定是否立案。")+wp("2.调查责任：执法人员不得少于2人。")+wp("3.审查责任：提出处理意见。")),
			wtc("", wp("《中华人民共和国行政处罚法》第17、42、43条")),
			wtc("", wp("基金监管股")),
			wtc("", wp("局法定代表人及分管领导、内设机构负责人、具体承办人")),
			wtc("", wp("")),
		))
	}
	b.WriteString(`</w:tbl>`)
	return makeDocx(t, b.String())
}

func benchRead(b *testing.B, data []byte, name string, entries int) {
	b.ReportAllocs()
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		c, err := ReadFrom(bytes.NewReader(data), name, "")
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Entries) != entries {
			b.Fatalf("%d entries", len(c.Entries))
		}
	}
	b.StopTimer()
	// The machine is shared: CPU time says more than wall time.
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
	b.ReportMetric(maxRSSMB(), "peak-RSS-MB")
}

// BenchmarkReadDocx10k reads a 10,000-entry .docx (target: under 2 s and
// 300 MB).
func BenchmarkReadDocx10k(b *testing.B) {
	benchRead(b, makeBigDocx(b, 10000), "big.docx", 10000)
}

// BenchmarkReadXlsx10k reads a 10,000-entry .xlsx (target: under 2 s and
// 300 MB).
func BenchmarkReadXlsx10k(b *testing.B) {
	benchRead(b, makeBigXlsx(b, 10000), "big.xlsx", 10000)
}

func BenchmarkReadTextSeed(b *testing.B) {
	data := mustRead(b, seed000)
	benchRead(b, data, "000.txt", 20)
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	c, err := Read(path)
	if err != nil || c == nil {
		t.Fatal(err)
	}
	data, err := readFileBytes(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readFileBytes(path string) ([]byte, error) { return os.ReadFile(path) }
