package dev.throughline.theme;

/** Where a theme sits on the Now / Next / Later roadmap. */
public enum Horizon {

    NOW, NEXT, LATER

}
