// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: handing a packet back to the stack as "busy". With a qdisc the
 * stack requeues it and retries at once, and the driver has no way to
 * stop or wake its queue: there is no such verdict. A full device drops.
 * Checker: gcc
 * Expect: .SAFE_NET_BUSY. undeclared
 */
#include <linux/module.h>
#include <linux/safe/netdev.h>

struct cf_priv {
	int unused;
};

DECLARE_SAFE_NETDEV(cf, struct cf_priv);

static enum safe_net_verdict cf_xmit(const struct cf_priv *priv,
				     struct safe_packet *pkt)
{
#if MISUSE
	return SAFE_NET_BUSY;
#else
	return SAFE_NET_DROP;
#endif
}

static const struct cf_netdev_ops cf_ops = { .xmit = cf_xmit };

struct safe_netdev_driver cf_driver = {
	.kind = "cf",
	SAFE_NETDEV_OPS(cf, &cf_ops),
};
