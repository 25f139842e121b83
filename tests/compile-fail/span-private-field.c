// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: reaching around the span helpers to its raw fields.
 * Checker: sparse
 * Expect: dereference of noderef expression
 */
#include <linux/safe/span.h>

size_t cf_span_private_field(struct safe_span s);
size_t cf_span_private_field(struct safe_span s)
{
#if MISUSE
	return s.len;
#else
	return safe_span_len(s);
#endif
}
