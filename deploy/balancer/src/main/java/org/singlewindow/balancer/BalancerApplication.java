package org.singlewindow.balancer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the balancer ({@code application.yml} names the instances and the route). */
@SpringBootApplication
public class BalancerApplication {

    public static void main(String[] args) {
        SpringApplication.run(BalancerApplication.class, args);
    }
}
