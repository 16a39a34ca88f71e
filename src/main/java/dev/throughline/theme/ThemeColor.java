package dev.throughline.theme;

/**
 * The fixed palette of theme colours: Atlassian's bold accent colours, each with at least
 * 4.5:1 contrast against white text, so a card's name stays readable on its colour in
 * light and dark themes.
 */
public enum ThemeColor {

    BLUE("#0C66E4"), TEAL("#206A83"), GREEN("#216E4E"), LIME("#4C6B1F"), YELLOW("#7F5F01"), ORANGE("#A54800"),
    RED("#C9372C"), MAGENTA("#AE4787"), PURPLE("#6E5DC6"), GRAY("#626F86");

    private final String hex;

    ThemeColor(String hex) {
        this.hex = hex;
    }

    public String hex() {
        return hex;
    }

}
