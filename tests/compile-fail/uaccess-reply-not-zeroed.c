// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a structure with padding written to user memory from an object
 * the layer did not zero: "struct { u8 k; u64 v; }" would carry 7 bytes of
 * stale stack out. Objects go out only as replies made by
 * DEFINE_SAFE_USER_REPLY(), which zeroes them, padding included.
 * Checker: gcc
 * Expect: __safe_reply_info. undeclared
 */
#include <linux/safe/uaccess.h>

struct cf_info {
	u8 k;
	u64 v;
};

int cf_reply(struct safe_user_writer *w);
int cf_reply(struct safe_user_writer *w)
{
#if MISUSE
	struct cf_info stack, *info = &stack;
#else
	DEFINE_SAFE_USER_REPLY(struct cf_info, info);
#endif
	info->k = 1;
	info->v = 2;
	return safe_user_write_reply(w, info);
}
