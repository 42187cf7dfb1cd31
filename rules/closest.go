package rules

// didYouMean returns a hint naming the candidate closest to s, or "" when
// none is close.
func didYouMean[S ~string](s string, candidates []S) string {
	best, bestD := "", len(s)/3+2
	for _, c := range candidates {
		if d := distance(s, string(c)); d < bestD {
			best, bestD = string(c), d
		}
	}
	if best == "" || best == s {
		return ""
	}
	return `did you mean "` + best + `"?`
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
