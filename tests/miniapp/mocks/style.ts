// Style sheets (.css / .scss) are nothing in jsdom.
export default {};
