package compat

import "testing"

func TestTextEncodingAgainstNode(t *testing.T) {
	runBufCases(t, encodingCasesPrelude, encodingCases)
}
