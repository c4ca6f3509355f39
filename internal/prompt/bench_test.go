package prompt_test

import (
	"testing"

	"github.com/syllobench/syllobench/internal/gen"
	"github.com/syllobench/syllobench/internal/logic"
	"github.com/syllobench/syllobench/internal/prompt"
)

// BenchmarkMessages renders the prompt of an item in each format, cycling
// over items of every family. A few-shot prompt generates its worked
// examples, so it costs two or more items' generation besides.
func BenchmarkMessages(b *testing.B) {
	var items []gen.Item
	for _, fam := range gen.Families() {
		its, err := fam.Items(1, 16, logic.Traditional, gen.Canonical)
		if err != nil {
			b.Fatal(err)
		}
		items = append(items, its...)
	}
	for _, f := range prompt.Formats() {
		b.Run("format="+string(f), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := prompt.Messages(items[i], f); err != nil {
					b.Fatal(err)
				}
				if i++; i == len(items) {
					i = 0
				}
			}
		})
	}
}
