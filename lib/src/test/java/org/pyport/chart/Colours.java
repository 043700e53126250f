package org.pyport.chart;

import java.awt.Color;

/**
 * Colour science for the palette's tests: WCAG contrast, colour-vision deficiency simulated with
 * Machado, Oliveira and Fernandes' matrices (2009, full severity), and CIE76 ΔE in CIELAB.
 */
final class Colours {
    private Colours() {}

    /** Full dichromacies (and normal vision), each as a matrix on linear RGB. */
    enum Vision {
        NORMAL(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
        PROTANOPIA(new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}),
        DEUTERANOPIA(new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}),
        TRITANOPIA(new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}});

        private final double[][] m;

        Vision(double[][] m) {
            this.m = m;
        }

        /** The colour as a reader with this vision sees it, as linear RGB. */
        double[] simulate(Color c) {
            double[] l = linear(c);
            double[] out = new double[3];
            for (int i = 0; i < 3; i++) {
                out[i] = Math.max(0, Math.min(1, m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]));
            }
            return out;
        }
    }

    static double[] linear(Color c) {
        return new double[] {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double luminance(double[] l) {
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(linear(a)), lb = luminance(linear(b));
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** CIE76 ΔE between two linear-RGB colours (D65 white); about 2 is just noticeable. */
    static double distance(double[] a, double[] b) {
        double[] x = lab(a), y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    private static double[] lab(double[] l) {
        double x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.95047;
        double y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
        double z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }
}
