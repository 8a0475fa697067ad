package hearth.ui.view;

/**
 * "Staying safe online": plain advice on private windows, history, shared devices, her cookie and
 * the quick exit. All its text comes from the reader's bundle; the page needs only the frame.
 */
public record SafetyPage(Chrome chrome) {
}
