// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: one driver's entry points paired with another driver's
 * operations table by hand (".type = a's, .ops = b's"), which would call
 * b's operations with a's state. The operations live inside the type
 * object SAFE_CHARDEV_OPS() makes: there is no separate member to set.
 * Checker: gcc
 * Expect: has no member named .ops.
 */
#include <linux/module.h>
#include <linux/safe/chardev.h>

struct cf_dev {
	int counter;
};

struct cf_big_dev {
	char buf[4096];
};

struct cf_file {
	int pos;
};

DECLARE_SAFE_CHARDEV(cf, struct cf_dev, struct cf_file);
DECLARE_SAFE_CHARDEV(cf_big, struct cf_big_dev, struct cf_file);

static const struct cf_chardev_ops cf_ops = {};
static const struct cf_big_chardev_ops cf_big_ops = {};

struct safe_chardev_driver cf_driver = {
	.name = "cf",
	SAFE_CHARDEV_OPS(cf, &cf_ops),
#if MISUSE
	.ops = &cf_big_ops,
#endif
};

struct safe_chardev_driver cf_big_driver = {
	.name = "cf_big",
	SAFE_CHARDEV_OPS(cf_big, &cf_big_ops),
};
