// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a span over an array of structures, whose padding would become
 * bytes a writer copies out. Spans cover arrays of integers only.
 * Checker: gcc
 * Expect: BUILD_BUG_ON_ZERO|negative width in bit-field
 */
#include <linux/safe/uaccess.h>

struct cf_entry {
	u8 tag;
	u32 value;
};

int cf_dump(struct safe_user_writer *w);
int cf_dump(struct safe_user_writer *w)
{
#if MISUSE
	struct cf_entry table[4] = {};

	return safe_user_write(w, SAFE_SPAN_ARRAY(table));
#else
	u32 table[4] = {};

	return safe_user_write(w, SAFE_SPAN_ARRAY(table));
#endif
}
