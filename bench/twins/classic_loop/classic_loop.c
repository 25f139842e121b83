// SPDX-License-Identifier: GPL-2.0
/*
 * classic_loop: the classic-C twin of drivers/net/safe_loop.c, for the
 * project's evaluation (not part of the series).
 *
 * Same device, same behaviour, same netlink interface (kind "classic_loop",
 * the peer in SAFE_NETDEV_INFO_PEER, the same refusals and messages),
 * written the way mainline virtual drivers are, after veth: net_device_ops
 * and rtnl_link_ops, netdev_priv(), an RCU peer pointer, explicit skb frees
 * and per-CPU statistics, goto unwinding.
 */

#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/dst.h>
#include <net/rtnetlink.h>
#include <uapi/linux/safe_netdev.h>

#define DRV_NAME	"classic_loop"
#define CLASSIC_LOOP_FEATURES						\
	(NETIF_F_SG | NETIF_F_FRAGLIST | NETIF_F_GSO_SOFTWARE |		\
	 NETIF_F_HW_CSUM | NETIF_F_RXCSUM | NETIF_F_SCTP_CRC |		\
	 NETIF_F_HIGHDMA)

struct classic_loop_priv {
	struct net_device __rcu *peer;
	bool paired;
};

/* Loopback mode: what lo does, with the class's header check and counts. */
static netdev_tx_t classic_loop_loopback(struct sk_buff *skb,
					 struct net_device *dev)
{
	unsigned int len;

	skb_tx_timestamp(skb);
	if (unlikely(!pskb_may_pull(skb, ETH_HLEN))) {
		kfree_skb(skb);
		dev_dstats_tx_dropped(dev);
		return NETDEV_TX_OK;
	}
	skb_clear_tstamp(skb);
	skb_orphan(skb);
	skb_dst_force(skb);
	skb_set_queue_mapping(skb, 0);
	len = skb->len;
	skb->protocol = eth_type_trans(skb, dev);
	if (likely(__netif_rx(skb) == NET_RX_SUCCESS)) {
		dev_dstats_rx_add(dev, len);
		dev_dstats_tx_add(dev, len);
	} else {
		dev_dstats_tx_dropped(dev);
	}
	return NETDEV_TX_OK;
}

static netdev_tx_t classic_loop_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct classic_loop_priv *priv = netdev_priv(dev);
	struct net_device *rcv;
	unsigned int len = skb->len;

	if (!priv->paired)
		return classic_loop_loopback(skb, dev);
	rcu_read_lock();
	rcv = rcu_dereference(priv->peer);
	if (unlikely(!rcv)) {
		kfree_skb(skb);
		goto drop;
	}
	skb_tx_timestamp(skb);
	if (likely(dev_forward_skb(rcv, skb) == NET_RX_SUCCESS)) {
		dev_dstats_tx_add(dev, len);
		dev_dstats_rx_add(rcv, len);
		rcu_read_unlock();
		return NETDEV_TX_OK;
	}
drop:
	dev_dstats_tx_dropped(dev);
	rcu_read_unlock();
	return NETDEV_TX_OK;
}

static int classic_loop_open(struct net_device *dev)
{
	struct classic_loop_priv *priv = netdev_priv(dev);
	struct net_device *peer = rtnl_dereference(priv->peer);

	if (priv->paired && !peer)
		return -ENOTCONN;
	if (!peer) {
		netif_carrier_on(dev);
	} else if (peer->flags & IFF_UP) {
		netif_carrier_on(dev);
		netif_carrier_on(peer);
	}
	return 0;
}

static int classic_loop_close(struct net_device *dev)
{
	struct classic_loop_priv *priv = netdev_priv(dev);
	struct net_device *peer = rtnl_dereference(priv->peer);

	netif_carrier_off(dev);
	if (peer)
		netif_carrier_off(peer);
	return 0;
}

static int classic_loop_get_iflink(const struct net_device *dev)
{
	struct classic_loop_priv *priv = netdev_priv(dev);
	struct net_device *peer;
	int iflink;

	rcu_read_lock();
	peer = rcu_dereference(priv->peer);
	iflink = peer ? READ_ONCE(peer->ifindex) : 0;
	rcu_read_unlock();
	return iflink;
}

static const struct net_device_ops classic_loop_netdev_ops = {
	.ndo_open = classic_loop_open,
	.ndo_stop = classic_loop_close,
	.ndo_start_xmit = classic_loop_xmit,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_get_iflink = classic_loop_get_iflink,
	.ndo_features_check = passthru_features_check,
};

static void classic_loop_get_drvinfo(struct net_device *dev,
				     struct ethtool_drvinfo *info)
{
	strscpy(info->driver, DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, "virtual", sizeof(info->bus_info));
}

static const struct ethtool_ops classic_loop_ethtool_ops = {
	.get_drvinfo = classic_loop_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_ts_info = ethtool_op_get_ts_info,
};

static void classic_loop_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->priv_flags &= ~IFF_TX_SKB_SHARING;
	dev->priv_flags |= IFF_LIVE_ADDR_CHANGE | IFF_NO_QUEUE;
	dev->lltx = true;
	dev->netdev_ops = &classic_loop_netdev_ops;
	dev->ethtool_ops = &classic_loop_ethtool_ops;
	dev->needs_free_netdev = true;
	dev->pcpu_stat_type = NETDEV_PCPU_STAT_DSTATS;
	dev->features |= CLASSIC_LOOP_FEATURES;
	dev->hw_features |= CLASSIC_LOOP_FEATURES;
	dev->hw_enc_features |= CLASSIC_LOOP_FEATURES;
	dev->vlan_features |= CLASSIC_LOOP_FEATURES;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;
	netif_set_tso_max_size(dev, GSO_MAX_SIZE);
}

static int classic_loop_validate(struct nlattr *tb[], struct nlattr *data[],
				 struct netlink_ext_ack *extack)
{
	if (tb[IFLA_ADDRESS]) {
		if (nla_len(tb[IFLA_ADDRESS]) != ETH_ALEN) {
			NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_ADDRESS],
					    "address must be 6 bytes");
			return -EINVAL;
		}
		if (!is_valid_ether_addr(nla_data(tb[IFLA_ADDRESS]))) {
			NL_SET_ERR_MSG_ATTR(extack, tb[IFLA_ADDRESS],
					    "address must be a valid unicast Ethernet address");
			return -EADDRNOTAVAIL;
		}
	}
	return 0;
}

static struct rtnl_link_ops classic_loop_link_ops;

static void classic_loop_dellink(struct net_device *dev, struct list_head *head)
{
	struct classic_loop_priv *priv = netdev_priv(dev);
	struct net_device *peer = rtnl_dereference(priv->peer);

	RCU_INIT_POINTER(priv->peer, NULL);
	unregister_netdevice_queue(dev, head);
	if (peer) {
		priv = netdev_priv(peer);
		RCU_INIT_POINTER(priv->peer, NULL);
		unregister_netdevice_queue(peer, head);
	}
}

static int classic_loop_newlink(struct net *src_net, struct net_device *dev,
				struct nlattr *tb[], struct nlattr *data[],
				struct netlink_ext_ack *extack)
{
	struct nlattr *peer_tb[IFLA_MAX + 1];
	struct classic_loop_priv *priv;
	struct net_device *peer;
	struct ifinfomsg *ifm;
	char name[IFNAMSIZ];
	struct net *net;
	int err;

	if (tb[IFLA_ADDRESS] == NULL)
		eth_hw_addr_random(dev);
	if (!data || !data[SAFE_NETDEV_INFO_PEER])
		return register_netdevice(dev);

	ifm = nla_data(data[SAFE_NETDEV_INFO_PEER]);
	err = rtnl_nla_parse_ifinfomsg(peer_tb, data[SAFE_NETDEV_INFO_PEER], extack);
	if (err < 0)
		return err;
	err = classic_loop_validate(peer_tb, NULL, extack);
	if (err < 0)
		return err;
	if (peer_tb[IFLA_IFNAME])
		nla_strscpy(name, peer_tb[IFLA_IFNAME], IFNAMSIZ);
	else
		snprintf(name, IFNAMSIZ, DRV_NAME "%%d");
	net = rtnl_link_get_net(src_net, peer_tb);
	if (IS_ERR(net))
		return PTR_ERR(net);
	peer = rtnl_create_link(net, name, peer_tb[IFLA_IFNAME] ? NET_NAME_USER : NET_NAME_ENUM,
				&classic_loop_link_ops, peer_tb, extack);
	put_net(net);
	if (IS_ERR(peer))
		return PTR_ERR(peer);
	if (!peer_tb[IFLA_ADDRESS])
		eth_hw_addr_random(peer);
	((struct classic_loop_priv *)netdev_priv(peer))->paired = true;
	err = register_netdevice(peer);
	if (err < 0)
		goto err_free_peer;
	netif_carrier_off(peer);
	priv = netdev_priv(dev);
	priv->paired = true;
	err = register_netdevice(dev);
	if (err < 0)
		goto err_unregister_peer;
	netif_carrier_off(dev);
	rcu_assign_pointer(priv->peer, peer);
	priv = netdev_priv(peer);
	rcu_assign_pointer(priv->peer, dev);
	/*
	 * The peer's flags once the pair is tied ("peer name b up" opens the
	 * peer, which needs its peer). On failure both go; the core's
	 * free_netdev() of dev then leaves it to the unregistration.
	 */
	err = rtnl_configure_link(peer, ifm, 0, NULL);
	if (err < 0)
		classic_loop_dellink(dev, NULL);
	return err;

err_unregister_peer:
	unregister_netdevice(peer);
	return err;
err_free_peer:
	free_netdev(peer);
	return err;
}

static struct net *classic_loop_get_link_net(const struct net_device *dev)
{
	struct classic_loop_priv *priv = netdev_priv(dev);
	struct net_device *peer = rtnl_dereference(priv->peer);

	return peer ? dev_net(peer) : dev_net(dev);
}

static const struct nla_policy classic_loop_policy[SAFE_NETDEV_INFO_MAX + 1] = {
	[SAFE_NETDEV_INFO_PEER] = NLA_POLICY_MIN_LEN(sizeof(struct ifinfomsg)),
};

static struct rtnl_link_ops classic_loop_link_ops = {
	.kind = DRV_NAME,
	.priv_size = sizeof(struct classic_loop_priv),
	.setup = classic_loop_setup,
	.validate = classic_loop_validate,
	.newlink = classic_loop_newlink,
	.dellink = classic_loop_dellink,
	.policy = classic_loop_policy,
	.maxtype = SAFE_NETDEV_INFO_MAX,
	.get_link_net = classic_loop_get_link_net,
};

static int __init classic_loop_init(void)
{
	return rtnl_link_register(&classic_loop_link_ops);
}
module_init(classic_loop_init);

static void __exit classic_loop_exit(void)
{
	rtnl_link_unregister(&classic_loop_link_ops);
}
module_exit(classic_loop_exit);

MODULE_DESCRIPTION("Classic-C twin of safe_loop, for the evaluation");
MODULE_LICENSE("GPL");
MODULE_ALIAS_RTNL_LINK(DRV_NAME);
