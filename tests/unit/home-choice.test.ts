import { chooseHome, homesOf } from '../../miniapp/src/lib/home-choice';

describe('首页 工作台: which homes a person has and which one shows', () => {
  it('gives each staff role its own home and no villager home to staff-only people', () => {
    expect(homesOf(['cleaner'])).toEqual(['cleaner']);
    expect(homesOf(['village_cadre'])).toEqual(['cadre']);
    expect(homesOf(['township_staff'])).toEqual(['township']);
    expect(homesOf(['shopkeeper'])).toEqual(['clerk']);
  });

  it('gives villagers, and people with no role yet (still to join), the villager home', () => {
    expect(homesOf(['villager'])).toEqual(['villager']);
    expect(homesOf([])).toEqual(['villager']);
  });

  it('lists the work homes first and the villager home last for a person with several roles', () => {
    expect(homesOf(['villager', 'courtyard_head'])).toEqual(['head', 'villager']);
    expect(homesOf(['villager', 'cleaner'])).toEqual(['cleaner', 'villager']);
    expect(homesOf(['shopkeeper', 'village_cadre', 'village_cadre'])).toEqual(['cadre', 'clerk']);
  });

  it('shows the staff home by default and the remembered one while the person still has it', () => {
    const homes = homesOf(['villager', 'courtyard_head']);
    expect(chooseHome(homes, null)).toBe('head');
    expect(chooseHome(homes, 'villager')).toBe('villager');
    expect(chooseHome(homes, 'cadre')).toBe('head'); // a role since ended: back to the default
    expect(chooseHome(homes, 'nonsense')).toBe('head');
    expect(chooseHome(homesOf(['villager']), 'head')).toBe('villager');
  });
});
