// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: an exact copy sized by the user instead of the kernel object.
 * With a pointer and a length, "u8 buf[16]; safe_user_read(r, buf,
 * safe_user_reader_len(r))" overruns the stack by what the user asks; an
 * exact copy takes a span, whose length is the kernel object's.
 * Checker: gcc
 * Expect: too many arguments to function
 */
#include <linux/safe/uaccess.h>

int cf_read_header(struct safe_user_reader *r);
int cf_read_header(struct safe_user_reader *r)
{
	u8 buf[16];

#if MISUSE
	return safe_user_read(r, buf, safe_user_reader_len(r));
#else
	return safe_user_read(r, SAFE_SPAN_ARRAY(buf));
#endif
}
