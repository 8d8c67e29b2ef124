package web

import "vanelkaar/search"

// pagination is the page links under the results.
type pagination struct {
	Prev, Next string // empty on the first or last page
	Pages      []pageLink
}

// pageLink is a link to one page of results, or a gap ("…") in the list.
type pageLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// pageWindow is how many pages either side of the current one are linked.
const pageWindow = 2

// lastPage is the number of pages of results, within search's limit.
func lastPage(total uint64, size int) int {
	if size <= 0 || total == 0 {
		return 0
	}
	n := int((total + uint64(size) - 1) / uint64(size))
	return min(n, search.MaxPage, search.MaxResultWindow/size)
}

// paginate links the first and last pages and those near the current one;
// nil when everything fits on one page.
func paginate(r search.Request, total uint64, page, size int) *pagination {
	last := lastPage(total, size)
	if last <= 1 {
		return nil
	}
	return pageLinks(page, last, func(n int) string {
		pr := r
		pr.Page = n
		return searchURL(pr)
	})
}

// pageLinks links pages 1 to last around page; at gives a page's address.
func pageLinks(page, last int, at func(int) string) *pagination {
	p := &pagination{}
	if page > 1 {
		p.Prev = at(min(page-1, last))
	}
	if page < last {
		p.Next = at(page + 1)
	}
	for n := 1; n <= last; n++ {
		near := n >= page-pageWindow && n <= page+pageWindow
		if n != 1 && n != last && !near {
			if len(p.Pages) > 0 && !p.Pages[len(p.Pages)-1].Gap {
				p.Pages = append(p.Pages, pageLink{Gap: true})
			}
			continue
		}
		p.Pages = append(p.Pages, pageLink{Number: n, URL: at(n), Current: n == page})
	}
	return p
}
