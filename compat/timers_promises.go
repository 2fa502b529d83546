package compat

// node:timers/promises is compat/js/timers_promises.js.
func init() {
	registerJS("timers/promises", "timers_promises.js")
}
