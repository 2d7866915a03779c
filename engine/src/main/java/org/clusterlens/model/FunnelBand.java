package org.clusterlens.model;

/**
 * Where a school's percentage sits against the cluster's funnel-plot control limits at the school's
 * number of pupils (Spiegelhalter 2005), all in percent.
 *
 * @param target the cluster's pooled percentage, the funnel's centre line
 * @param lower95 the lower 95% limit
 * @param upper95 the upper 95% limit
 * @param lower998 the lower 99.8% limit
 * @param upper998 the upper 99.8% limit
 * @param position {@code within}, {@code above_95}, {@code below_95}, {@code above_998} or {@code
 *     below_998}; never null
 * @param method how the limits were made, e.g. "exact binomial" or "normal, widened for
 *     overdispersion"; never null
 */
public record FunnelBand(
    double target,
    double lower95,
    double upper95,
    double lower998,
    double upper998,
    String position,
    String method) {

  public FunnelBand {
    if (position == null || method == null) {
      throw new IllegalArgumentException("A funnel band needs its position and method");
    }
  }
}
