// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a driver structure connected to another driver's operations
 * table, whose operations expect other state types.
 * Checker: gcc
 * Expect: BUILD_BUG_ON_ZERO|negative width in bit-field
 */
#include <linux/module.h>
#include <linux/safe/chardev.h>

struct cf_dev {
	int counter;
};

struct cf_file {
	int pos;
};

struct cf_big_dev {
	char buf[4096];
};

DECLARE_SAFE_CHARDEV(cf, struct cf_dev, struct cf_file);
DECLARE_SAFE_CHARDEV(cf_big, struct cf_big_dev, struct cf_file);

static const struct cf_chardev_ops cf_ops = {};
static const struct cf_big_chardev_ops cf_big_ops = {};

struct safe_chardev_driver cf_driver = {
	.name = "cf",
#if MISUSE
	SAFE_CHARDEV_OPS(cf_big, &cf_ops),
#else
	SAFE_CHARDEV_OPS(cf, &cf_ops),
#endif
};

struct safe_chardev_driver cf_big_driver = {
	.name = "cf_big",
	SAFE_CHARDEV_OPS(cf_big, &cf_big_ops),
};
