package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"vanelkaar/search"
)

func TestPaginate(t *testing.T) {
	req := search.Request{Query: "data", Filters: map[string][]string{"theme": {"uitdagingen"}}}
	url := func(n int) string {
		r := req
		r.Page = n
		return searchURL(r)
	}
	tests := []struct {
		name       string
		total      uint64
		page, size int
		want       *pagination
	}{
		{"one page", 10, 1, 10, nil},
		{"nothing", 0, 1, 10, nil},
		{"first of two", 11, 1, 10, &pagination{Next: url(2), Pages: []pageLink{
			{Number: 1, URL: url(1), Current: true}, {Number: 2, URL: url(2)}}}},
		{"middle of many", 200, 10, 10, &pagination{Prev: url(9), Next: url(11), Pages: []pageLink{
			{Number: 1, URL: url(1)}, {Gap: true},
			{Number: 8, URL: url(8)}, {Number: 9, URL: url(9)}, {Number: 10, URL: url(10), Current: true},
			{Number: 11, URL: url(11)}, {Number: 12, URL: url(12)}, {Gap: true},
			{Number: 20, URL: url(20)}}}},
		{"last", 25, 3, 10, &pagination{Prev: url(2), Pages: []pageLink{
			{Number: 1, URL: url(1)}, {Number: 2, URL: url(2)}, {Number: 3, URL: url(3), Current: true}}}},
		{"capped at the last page search serves", 1_000_000, 1, 10, &pagination{Next: url(2), Pages: []pageLink{
			{Number: 1, URL: url(1), Current: true}, {Number: 2, URL: url(2)}, {Number: 3, URL: url(3)}, {Gap: true},
			{Number: search.MaxPage, URL: url(search.MaxPage)}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paginate(req, tt.total, tt.page, tt.size)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("paginate(%d, page %d) (-want +got):\n%s", tt.total, tt.page, diff)
			}
		})
	}
	if got := url(2); got != "/zoeken?page=2&q=data&theme=uitdagingen" {
		t.Errorf("page URL %q", got)
	}
}
