// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a reference taken through another type's get function, which
 * would count (and one day release) the wrong object.
 * Checker: gcc
 * Expect: incompatible pointer type|incompatible-pointer-types
 */
#include <linux/safe/ref.h>
#include <linux/slab.h>

struct cf_buf {
	struct safe_ref ref;
};

struct cf_other {
	struct safe_ref ref;
};

static void cf_buf_release(struct cf_buf *b)
{
	kfree(b);
}

DEFINE_SAFE_REF(cf_buf, struct cf_buf, ref, cf_buf_release);

void *cf_ref_wrong_type(struct cf_buf *b, struct cf_other *o);
void *cf_ref_wrong_type(struct cf_buf *b, struct cf_other *o)
{
#if MISUSE
	return cf_buf_get(o);
#else
	return o ? cf_buf_get(b) : NULL;
#endif
}
