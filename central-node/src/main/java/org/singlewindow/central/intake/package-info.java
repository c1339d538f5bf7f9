/**
 * Central's intake: {@link org.singlewindow.central.intake.ProvinceIntakeRoute} consumes {@code sw.in.provinces} (every
 * province's uplink) into the kernel's inbound dispatcher; {@link org.singlewindow.central.intake.CentralIntakeHandler}
 * stores each declaration once, re-verifies the declarant's signature, fans it out to the agencies central's rules
 * select and tells the origin province where it went (a dispatch notice).
 */
package org.singlewindow.central.intake;
