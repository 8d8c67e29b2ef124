package corpus

// joinPieces records that q continues prev, a quote split by its
// attribution: every piece gets the whole published text. A quote whose
// first piece began in an earlier paragraph keeps its pieces apart, since
// the text between them would be a paragraph break.
func joinPieces(prev, q *Quote) {
	first := prev
	if prev.first != nil {
		first = prev.first
	}
	if first.Passage != q.Passage || first.open >= q.close {
		return
	}
	q.first = first
	whole := q.Passage.Text[first.open:q.close]
	first.Whole = whole
	for _, x := range q.Passage.Article.Quotes {
		if x.first == first {
			x.Whole = whole
		}
	}
}
